//! `--format junit`: JUnit XML, one test case per checked file, for CI systems that show test
//! reports. A file with an error-severity finding fails; one that could not be checked is an
//! error; warnings and infos are listed in a passing case's output. Every finding is one
//! concise line (path:line:col, severity, rule, message), with input text made printable.

use asl_diagnostics::Severity;
use asl_diagnostics::printable::printable;
use asl_diagnostics::render::{self, FileReport};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::{Located, repository_path};

pub(crate) fn render(reports: &[FileReport<'_>]) -> String {
    let mut suite = TestSuite::new("asl-lint");
    for report in reports {
        suite.add_test_case(test_case(report));
    }
    let mut junit = Report::new("asl-lint");
    junit.add_test_suite(suite);
    junit.to_string().unwrap_or_default()
}

fn test_case(report: &FileReport<'_>) -> TestCase {
    let findings = render::concise(report);
    let count = |severity| report.diagnostics.iter().filter(|d| d.severity == severity).count();
    let (errors, warnings, infos) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let status = if let Some(failure) = report.diagnostics.iter().find(|d| Located::is_failure(d)) {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status
            .set_message(printable(&failure.message))
            .set_type(failure.name)
            .set_description(findings.as_str());
        status
    } else if errors > 0 {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        status
            .set_message(render::summary([errors, warnings, infos], 1))
            .set_type("asl-lint")
            .set_description(findings.as_str());
        status
    } else {
        TestCaseStatus::success()
    };
    let mut case = TestCase::new(printable(&repository_path(report.path)), status);
    case.set_classname("asl-lint");
    if errors == 0 && !findings.is_empty() {
        case.set_system_out(findings);
    }
    case
}
