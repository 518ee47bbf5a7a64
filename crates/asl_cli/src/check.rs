//! `asl-lint check`: read, analyse in parallel, render.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::{Read, Write as _};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use asl_diagnostics::render::{self, FileReport};
use asl_diagnostics::{Diagnostic, Severity};
use asl_hosts::{extract, format_of, may_hold_state_machine};
use asl_linter::{FileAnalysis, Settings, analyze_host, fix_file};
use asl_syntax::{Parse, SourceFormat, SourceText, TextRange, decode_source};
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::config::CheckSettings;
use crate::discover::{BadPath, Discovered, Globs, Input, Skipped, named_inputs, walk_directories};
use crate::loader::FsLoader;
use crate::output::{self, Fixable, INTERNAL_ERROR_CODE, IO_ERROR_CODE};
use crate::replace::replace_file;
use crate::{CheckArgs, EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS, Format};

/// Larger inputs are refused: AWS accepts definitions of at most 1 MiB.
pub(crate) const MAX_FILE_BYTES: u64 = asl_linter::MAX_INPUT_BYTES;

/// What checking one input gave.
enum Outcome {
    /// The files reported for it (none for a file that holds no state machine).
    Checked(Vec<Checked>),
    /// A path named on the command line that is a directory, to walk.
    Directory(PathBuf),
}

/// One checked (or unreadable) file.
struct Checked {
    path: String,
    /// The text, to show the findings in; `None` when the file could not be read. Empty for a
    /// file without findings, and for a file checked on its own once its output is rendered:
    /// its text is freed as soon as it is not needed, so that the next file reuses the memory
    /// instead of touching fresh pages.
    text: Option<String>,
    /// The parsed document, for the formats that show JSON Pointers (and, in a check of one
    /// file, left to the exit); otherwise `None`, as when the file could not be read.
    parse: Option<Arc<Parse>>,
    diagnostics: Vec<Diagnostic>,
    /// Findings fixed in the file by `--fix`.
    fixed: usize,
    /// The directory walk that found the file, if any.
    walk: Option<usize>,
    /// What `--fix` could not do in this file.
    fix_problem: Option<FixProblem>,
    /// Reached from a template (`DefinitionUri`, `${file(…)}`) rather than checked on its own.
    reached: bool,
    /// Whether a walk that finds the file checks it: it holds a state machine, or it could not
    /// be read. A named file is checked whatever it holds.
    walks_check_it: bool,
    /// The file's output, rendered by the worker that checked it when the format renders each
    /// file on its own; `None` when it is rendered with the others at the end.
    rendered: Option<String>,
}

impl Checked {
    fn report(&self) -> FileReport<'_> {
        FileReport {
            path: &self.path,
            source: self.text.as_deref(),
            root: self.parse.as_ref().map(|parse| &parse.root),
            diagnostics: &self.diagnostics,
        }
    }
}

/// How the output is laid out: each file's output one after another, or one document (or
/// table) for all files.
enum Layout {
    /// Each file is rendered by the worker that checked it, while the other workers still
    /// check, rather than all at the end.
    PerFile(PerFile),
    Whole(Whole),
}

#[derive(Clone, Copy)]
enum PerFile {
    Human { color: bool },
    Concise,
    Github,
}

enum Whole {
    Statistics { json: bool },
    Json,
    Sarif,
    Junit,
    Gitlab,
}

impl Layout {
    fn of(args: &CheckArgs) -> Self {
        if args.statistics {
            return Layout::Whole(Whole::Statistics {
                json: args.format == Format::Json,
            });
        }
        match args.format {
            Format::Human => Layout::PerFile(PerFile::Human {
                color: args.color.enabled(),
            }),
            Format::Concise => Layout::PerFile(PerFile::Concise),
            Format::Github => Layout::PerFile(PerFile::Github),
            Format::Json => Layout::Whole(Whole::Json),
            Format::Sarif => Layout::Whole(Whole::Sarif),
            Format::Junit => Layout::Whole(Whole::Junit),
            Format::Gitlab => Layout::Whole(Whole::Gitlab),
        }
    }
}

impl PerFile {
    fn render(self, report: &FileReport<'_>) -> String {
        match self {
            PerFile::Human { color } => render::human(report, color),
            PerFile::Concise => render::concise(report),
            PerFile::Github => render::github(report),
        }
    }
}

/// Why `--fix` left a file as it was.
enum FixProblem {
    /// The file is not UTF-8: rewriting decoded text would change bytes no fix touches.
    NotUtf8 { offset: usize },
    /// The fixed text could not be written.
    CannotWrite(String),
}

pub(crate) fn run(args: &CheckArgs) -> u8 {
    let globs = match Globs::new(&args.globs) {
        Ok(globs) => globs,
        Err(message) => {
            eprintln!("asl-lint: {message}");
            return EXIT_FAILURE;
        }
    };
    if args.statistics && !matches!(args.format, Format::Human | Format::Concise | Format::Json) {
        eprintln!("asl-lint: --statistics works with --format human, concise or json");
        return EXIT_FAILURE;
    }
    let layout = Layout::of(args);
    let per_file = match layout {
        Layout::PerFile(per_file) => Some(per_file),
        Layout::Whole(_) => None,
    };
    let settings = match CheckSettings::new(args) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("asl-lint: {message}");
            return EXIT_FAILURE;
        }
    };
    let Checks {
        results,
        bad_paths,
        walked,
        walks_found_again,
        skipped,
    } = check_paths(args, &settings, &globs, per_file);
    let mut failed = !bad_paths.is_empty();
    if !args.allow_empty {
        failed |= report_empty_walks(&walked, &results, &walks_found_again);
    }
    let mut checked: Vec<Checked> = bad_paths.into_iter().map(unreadable_path).collect();
    checked.extend(merge(results));
    checked.sort_by(|a, b| a.path.cmp(&b.path));

    let mut counts = [0usize; 3];
    let mut suggestions_skipped = 0;
    for file in &checked {
        if file.text.is_none() {
            failed = true;
        }
        for diagnostic in &file.diagnostics {
            counts[diagnostic.severity as usize] += 1;
            suggestions_skipped += usize::from(diagnostic.suggestion_skipped);
            // A rule that failed on this file means the check is incomplete.
            failed |= diagnostic.code == INTERNAL_ERROR_CODE;
        }
    }
    for file in &checked {
        failed |= report_fix_problem(file);
    }
    if args.fix && !args.quiet {
        let fixed: usize = checked.iter().map(|file| file.fixed).sum();
        let files = checked.iter().filter(|file| file.fixed > 0).count();
        // On stderr, so that JSON on stdout stays one document.
        eprintln!(
            "asl-lint: fixed {fixed} finding{} in {files} file{}",
            plural(fixed),
            plural(files)
        );
    }
    let rendered: Vec<Option<String>> = checked.iter_mut().map(|file| file.rendered.take()).collect();
    let reports: Vec<FileReport<'_>> = checked.iter().map(Checked::report).collect();
    let mut summary = format!(
        "{}{}{}",
        render::summary(counts, reports.len()),
        skipped_note(&skipped),
        Fixable::count(&reports).summary_suffix()
    );
    if let Some(line) = render::suggestions_skipped_line(suggestions_skipped) {
        summary.push('\n');
        summary.push_str(&line);
    }
    let output = render(args, &layout, &reports, rendered, &summary, !failed);
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`asl-lint check | head`) is not an error of the check.
    let _ = stdout.write_all(output.as_bytes()).and_then(|()| stdout.flush());
    // The process ends after this: freeing every file's text and syntax tree one allocation
    // at a time would only delay the exit.
    std::mem::forget(reports);
    std::mem::forget(checked);
    if failed {
        EXIT_FAILURE
    } else if counts[Severity::Error as usize] > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// The output of a check in the chosen layout; `summary` ends the human output. `rendered` holds
/// each file's output when its worker rendered it. `successful` is false when the run could not
/// do its job (exit code 2).
fn render(
    args: &CheckArgs,
    layout: &Layout,
    reports: &[FileReport<'_>],
    rendered: Vec<Option<String>>,
    summary: &str,
    successful: bool,
) -> String {
    match layout {
        Layout::PerFile(per_file) => {
            let summary = (matches!(per_file, PerFile::Human { .. }) && !args.quiet).then_some(summary);
            one_after_another(*per_file, reports, rendered, summary)
        }
        Layout::Whole(Whole::Statistics { json }) => {
            let counts = output::statistics::count(reports);
            if *json {
                output::statistics::json(&counts)
            } else {
                output::statistics::table(&counts)
            }
        }
        Layout::Whole(Whole::Json) => render::json(reports),
        Layout::Whole(Whole::Sarif) => output::sarif::render(reports, successful),
        Layout::Whole(Whole::Junit) => output::junit::render(reports),
        Layout::Whole(Whole::Gitlab) => output::gitlab::render(reports),
    }
}

/// What checking the paths named on the command line gave.
struct Checks {
    /// Each input's files: the named paths', then the walks'.
    results: Vec<Vec<Checked>>,
    /// What the walks could not read.
    bad_paths: Vec<BadPath>,
    /// The directories walked.
    walked: Vec<PathBuf>,
    /// Walks that found a file checked under another name, so not checked again for them.
    walks_found_again: Vec<usize>,
    skipped: Skipped,
}

/// Checks the paths named on the command line, and the files that the walks of those that are
/// directories find. With `per_file`, each file's output is rendered as soon as it is checked.
///
/// The named paths are read on every core, not looked up one by one before (a serial system
/// call per file); those that turn out to be directories are walked afterwards and what the
/// walks find is checked in a second parallel pass.
fn check_paths(args: &CheckArgs, settings: &CheckSettings, globs: &Globs, per_file: Option<PerFile>) -> Checks {
    let loader = FsLoader::new(&args.paths);
    let check = |inputs: Vec<Input>, only_file: bool| -> Vec<Outcome> {
        let check_one = |input| check_input(input, args, settings, globs, &loader, only_file, per_file);
        // One file is checked on this thread: starting the thread pool would cost more than a
        // small file's analysis (a large one still runs its rules in parallel). No file (no
        // walks) must not start it either.
        if inputs.len() <= 1 {
            inputs.into_iter().map(check_one).collect()
        } else {
            inputs.into_par_iter().map(check_one).collect()
        }
    };
    // Each file is checked once, under the first name that reaches it (the command line's, then
    // the walks' in order): with --fix, two checks of one file would both write it.
    let mut seen: FxHashSet<Cow<'_, [u8]>> = FxHashSet::default();
    let named = named_inputs(
        args.paths.iter().filter(|path| seen.insert(spelled_out(path))),
        args.only_state_machines,
    );
    let only_named = named.len() == 1;
    let mut results = Vec::new();
    let mut directories = Vec::new();
    for outcome in check(named, only_named) {
        match outcome {
            Outcome::Checked(files) => results.push(files),
            Outcome::Directory(path) => directories.push(path),
        }
    }
    let Discovered {
        inputs,
        bad_paths,
        walked,
        skipped,
    } = walk_directories(&directories, globs, settings.exclude());
    // Walked files already checked under another name, with the walk that found each. One walk
    // alone finds each file once.
    let mut found_again = Vec::new();
    let inputs: Vec<Input> = if seen.len() <= 1 {
        inputs
    } else {
        inputs
            .into_iter()
            .filter(|input| match input {
                Input::File {
                    path, walk: Some(walk), ..
                } => {
                    let path = spelled_out(path).into_owned();
                    let first_time = !seen.contains(path.as_slice());
                    if first_time {
                        seen.insert(Cow::Owned(path));
                    } else {
                        found_again.push((path, *walk));
                    }
                    first_time
                }
                _ => true,
            })
            .collect()
    };
    let only_walked = results.is_empty() && inputs.len() == 1;
    // Walked inputs are files (a directory comes back only for a named path).
    results.extend(
        check(inputs, only_walked)
            .into_iter()
            .filter_map(|outcome| match outcome {
                Outcome::Checked(files) => Some(files),
                Outcome::Directory(_) => None,
            }),
    );
    let walks_found_again = walks_that_found_checked_files(&results, found_again);
    Checks {
        results,
        bad_paths,
        walked,
        walks_found_again,
        skipped,
    }
}

/// The walks that found a file checked under another name (`found_again`: its spelled-out
/// path and the walk), when they would have checked it themselves.
fn walks_that_found_checked_files(results: &[Vec<Checked>], found_again: Vec<(Vec<u8>, usize)>) -> Vec<usize> {
    if found_again.is_empty() {
        return Vec::new();
    }
    let checked: FxHashSet<Cow<'_, [u8]>> = results
        .iter()
        .flatten()
        .filter(|file| !file.reached && file.walks_check_it)
        .map(|file| spelled_out(Path::new(&file.path)))
        .collect();
    found_again
        .into_iter()
        .filter(|(path, _)| checked.contains(path.as_slice()))
        .map(|(_, walk)| walk)
        .collect()
}

/// The outputs of the files one after another, then the summary line if given: the outputs
/// their workers rendered, and the others (files that could not be read, and those whose
/// findings were merged) rendered now.
fn one_after_another(
    per_file: PerFile,
    reports: &[FileReport<'_>],
    rendered: Vec<Option<String>>,
    summary: Option<&str>,
) -> String {
    let outputs: Vec<String> = reports
        .iter()
        .zip(rendered)
        .map(|(report, rendered)| rendered.unwrap_or_else(|| per_file.render(report)))
        .collect();
    // Allocated once: growing it would copy the output, into fresh pages, at every doubling.
    let length = outputs.iter().map(String::len).sum::<usize>() + summary.map_or(0, |line| line.len() + 1);
    let mut text = String::with_capacity(length);
    for output in outputs {
        text.push_str(&output);
    }
    if let Some(line) = summary {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Reads and analyses one input: its own findings first, then those of the files it names.
/// Nothing for a walked file that holds no state machine.
///
/// When `only_file`, what the analysis derives is left to the process exit; otherwise it is
/// freed, so that the next file reuses the memory instead of touching fresh pages (each a page
/// fault, which costs more than the frees). With `per_file`, each file's output is rendered here.
fn check_input(
    input: Input,
    args: &CheckArgs,
    settings: &CheckSettings,
    globs: &Globs,
    loader: &FsLoader<'_>,
    only_file: bool,
    per_file: Option<PerFile>,
) -> Outcome {
    let stdin_name = &args.stdin_filename;
    let (path, file, walk, only_if_state_machine, bytes) = match input {
        Input::Stdin => (PathBuf::from(stdin_name), None, None, false, read_stdin()),
        Input::File {
            path,
            walk,
            only_if_state_machine,
        } => {
            let bytes = match open(&path) {
                Ok(Opened::Directory) if walk.is_none() => return Outcome::Directory(path),
                // The globs choose among named files as among walked ones.
                Ok(Opened::File(..)) if only_if_state_machine && walk.is_none() && !globs.select(&path) => {
                    return Outcome::Checked(Vec::new());
                }
                Ok(Opened::File(file, size)) => read_at_most_max(file, size),
                // A walked path that became a directory: reading it fails.
                Ok(Opened::Directory) => Err(std::io::Error::from(std::io::ErrorKind::IsADirectory).to_string()),
                Err(message) => Err(message),
            };
            (path.clone(), Some(path), walk, only_if_state_machine, bytes)
        }
    };
    let shown = display(&path);
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(message) => {
            return Outcome::Checked(vec![Checked {
                walk,
                ..unreadable(shown, message)
            }]);
        }
    };
    // A file named on the command line is checked whatever it holds, unless
    // --only-state-machines asks to choose as a walk does.
    let explicit = walk.is_none() && !only_if_state_machine;
    if !explicit && !may_hold_state_machine(&bytes) {
        return Outcome::Checked(Vec::new());
    }
    // Valid UTF-8 is analysed as it is, so that fixed text differs from the file only where
    // the fixes edited it.
    let SourceText { text, error } = decode_source(bytes);
    // Decoding keeps byte offsets: the error is at the file's first invalid byte.
    let invalid_utf8_at = error.as_ref().map(|error| error.range.start as usize);
    let mut host = extract(&path, &text, loader);
    let is_state_machine = host.is_state_machine();
    if !is_state_machine {
        if !explicit {
            return Outcome::Checked(Vec::new());
        }
        host = host.into_definition();
    }
    host.parse.errors.splice(0..0, error);
    let format = host.format;
    let settings = &Settings {
        leave_to_exit: only_file,
        ..settings.for_file(&path)
    };
    let mut analysis = analyze_host(&path, host, &text, settings);
    let mut text = text;
    let mut fixed = 0;
    let mut fix_problem = None;
    // Fixes are JSON edits: YAML files and stdin are checked, not rewritten.
    if let (true, Some(file), SourceFormat::Json) = (args.fix, &file, format) {
        let result = fix_file(&path, &text, loader, settings, args.unsafe_fixes);
        if result.applied > 0 {
            if let Some(offset) = invalid_utf8_at {
                fix_problem = Some(FixProblem::NotUtf8 { offset });
            } else if let Err(error) = replace_file(file, result.text.as_bytes()) {
                fix_problem = Some(FixProblem::CannotWrite(error.to_string()));
            } else {
                (text, analysis, fixed) = (result.text, result.analysis, result.applied);
            }
        }
    }
    let FileAnalysis {
        parse,
        diagnostics,
        referenced,
        ..
    } = analysis;
    let mut checked = vec![Checked {
        path: shown,
        text: Some(kept_for(&diagnostics, text)),
        parse: (only_file || args.format.shows_pointers()).then_some(parse),
        diagnostics,
        fixed,
        walk,
        fix_problem,
        reached: false,
        walks_check_it: is_state_machine,
        rendered: None,
    }];
    for file in referenced {
        let parse = args
            .format
            .shows_pointers()
            .then(|| Arc::new(format_of(&file.path, &file.text).parse(&file.text)));
        checked.push(Checked {
            path: display(&file.path),
            parse,
            text: Some(kept_for(&file.diagnostics, file.text)),
            diagnostics: file.diagnostics,
            fixed: 0,
            walk,
            fix_problem: None,
            reached: true,
            walks_check_it: true,
            rendered: None,
        });
    }
    if let Some(per_file) = per_file {
        for file in &mut checked {
            file.rendered = Some(per_file.render(&file.report()));
            // A reached file keeps its text: its findings may be merged with another copy's
            // and rendered again (see `merge`).
            if !file.reached
                && let Some(text) = &mut file.text
            {
                *text = String::new();
            }
        }
    }
    Outcome::Checked(checked)
}

/// A file's text, if there are findings to show in it.
fn kept_for(diagnostics: &[Diagnostic], text: String) -> String {
    if diagnostics.is_empty() { String::new() } else { text }
}

/// One report per file. A definition that a template names is reported as reached from the
/// template (with the template's substitutions and workflow type), not again on its own when
/// a walk also found it; findings reached from several state machines are gathered.
fn merge(results: Vec<Vec<Checked>>) -> Vec<Checked> {
    // Without reached files each path is there once (see `check_paths`).
    if !results.iter().flatten().any(|file| file.reached) {
        return results.into_iter().flatten().collect();
    }
    let reached: HashSet<PathBuf> = results
        .iter()
        .flatten()
        .filter(|file| file.reached)
        .filter_map(|file| std::fs::canonicalize(&file.path).ok())
        .collect();
    let mut files: Vec<(Vec<u8>, Checked)> = results
        .into_iter()
        .flatten()
        // Looking up a walked file's real path (a system call per component) only when some
        // file was reached from a template.
        .filter(|file| {
            file.reached
                || file.walk.is_none()
                || reached.is_empty()
                || !std::fs::canonicalize(&file.path).is_ok_and(|path| reached.contains(&path))
        })
        .map(|file| (spelled_out(Path::new(&file.path)).into_owned(), file))
        .collect();
    files.sort_by(|(a, _), (b, _)| a.cmp(b));
    files.dedup_by(|(later_path, later), (first_path, first)| {
        // A file is checked on its own once (see `check_paths`): the copies of a path are
        // reached ones.
        if later_path != first_path || later.text.is_none() || first.text.is_none() {
            return false;
        }
        if later.diagnostics.is_empty() {
            return true;
        }
        // A copy's text is empty when it had no findings, or when it was checked on its own and
        // freed its text once rendered; a reached copy with findings keeps its text.
        if first.text.as_ref().is_some_and(String::is_empty) {
            std::mem::swap(&mut first.text, &mut later.text);
        }
        first.diagnostics.append(&mut later.diagnostics);
        // Rendered again with the merged findings, under the first copy's spelling of the path.
        first.rendered = None;
        first
            .diagnostics
            .sort_by(|a, b| (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code)));
        true
    });
    files.into_iter().map(|(_, file)| file).collect()
}

/// A path without its `.` components, as bytes: `./a.json` and `a.json` name the same file, and
/// looking each path up to compare them would cost a system call per file.
fn spelled_out(path: &Path) -> Cow<'_, [u8]> {
    let bytes = path.as_os_str().as_encoded_bytes();
    // Most paths hold no `.` component and no doubled separator: building each again would cost
    // more than the rest of the merge.
    if !has_dot_or_empty_component(bytes) {
        return Cow::Borrowed(bytes);
    }
    let path: PathBuf = path
        .components()
        .filter(|component| *component != Component::CurDir)
        .collect();
    Cow::Owned(path.into_os_string().into_encoded_bytes())
}

/// Whether a component of `path` after the first is empty (a doubled or final separator), or
/// any is `.`. Looks only at the bytes around each separator.
fn has_dot_or_empty_component(path: &[u8]) -> bool {
    let is_separator = |at: usize| {
        path.get(at)
            .is_none_or(|&byte| std::path::is_separator(char::from(byte)))
    };
    let dot_at = |at: usize| path.get(at) == Some(&b'.') && is_separator(at + 1);
    let (first, last) = (SEPARATORS[0], SEPARATORS[SEPARATORS.len() - 1]);
    dot_at(0) || memchr::memchr2_iter(first, last, path).any(|at| is_separator(at + 1) || dot_at(at + 1))
}

/// The bytes that separate path components.
#[cfg(windows)]
const SEPARATORS: &[u8] = b"/\\";
#[cfg(not(windows))]
const SEPARATORS: &[u8] = b"/";

/// Says on stderr what `--fix` could not do in a file; true if the run failed because of it.
fn report_fix_problem(file: &Checked) -> bool {
    // Debug quoting: a path's control characters never reach the terminal raw.
    let path = &file.path;
    match &file.fix_problem {
        None => false,
        Some(FixProblem::NotUtf8 { offset }) => {
            eprintln!(
                "asl-lint: not fixing {path:?}: it is not valid UTF-8 (first invalid byte at offset {offset}), and a fix would rewrite the text around it; save the file as UTF-8 first"
            );
            false
        }
        Some(FixProblem::CannotWrite(error)) => {
            eprintln!("asl-lint: cannot write the fixes to {path:?}: {error}; the file is unchanged");
            true
        }
    }
}

/// Says on stderr which directory walks found nothing to check; true if any did. A walk that
/// checks nothing is a failure (a mistyped path, or files hidden by an ignore file), not a pass.
/// A file that another walk (or the command line) also names counts for each
/// (`found_again`).
fn report_empty_walks(walked: &[PathBuf], results: &[Vec<Checked>], found_again: &[usize]) -> bool {
    let mut any = false;
    for (index, dir) in walked.iter().enumerate() {
        if !found_again.contains(&index) && !results.iter().flatten().any(|file| file.walk == Some(index)) {
            any = true;
            eprintln!(
                // Debug quoting: a path's control characters never reach the terminal raw.
                "asl-lint: found no state machine to check under {:?}: hidden, ignored and non-state-machine files are skipped (name a file to check it, or pass --allow-empty to accept an empty walk)",
                display(dir)
            );
        }
    }
    any
}

/// The summary's account of what the walks skipped, if anything.
fn skipped_note(skipped: &Skipped) -> String {
    let mut parts = Vec::new();
    if skipped.hidden > 0 {
        parts.push(format!("{} hidden path{}", skipped.hidden, plural(skipped.hidden)));
    }
    if skipped.symlinks > 0 {
        parts.push(format!(
            "{} symbolic link{}",
            skipped.symlinks,
            plural(skipped.symlinks)
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" (skipped {})", parts.join(" and "))
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// What a path holds, looked up once: opened (with its size) or a directory.
enum Opened {
    File(std::fs::File, usize),
    Directory,
}

fn open(path: &Path) -> Result<Opened, String> {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        // Where a directory cannot be opened as a file (Windows).
        Err(_) if path.is_dir() => return Ok(Opened::Directory),
        Err(error) => return Err(error.to_string()),
    };
    // The metadata of the open file, not of the path: one lookup of the path instead of two.
    let metadata = file.metadata().map_err(|e| e.to_string())?;
    if metadata.is_dir() {
        return Ok(Opened::Directory);
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    Ok(Opened::File(file, size as usize))
}

fn read_stdin() -> Result<Vec<u8>, String> {
    read_at_most_max(std::io::stdin().lock(), 0)
}

/// Reads to the end, refusing more than [`MAX_FILE_BYTES`] (a file may grow after its size
/// was asked).
fn read_at_most_max(reader: impl Read, expected_size: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(expected_size);
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(size: u64) -> String {
    format!(
        "file is {size} bytes; asl-lint checks inputs of at most {MAX_FILE_BYTES} bytes (AWS accepts definitions of at most 1 MiB)"
    )
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn unreadable_path(bad: BadPath) -> Checked {
    unreadable(display(&bad.path), bad.message)
}

/// A file that could not be read: one `io-error` finding with no position.
fn unreadable(path: String, message: String) -> Checked {
    let diagnostic = Diagnostic::new(
        IO_ERROR_CODE,
        "io-error",
        Severity::Error,
        TextRange::empty(0),
        format!("cannot read \"{path}\": {message}"),
    );
    Checked {
        path,
        text: None,
        parse: None,
        diagnostics: vec![diagnostic],
        fixed: 0,
        walk: None,
        fix_problem: None,
        reached: false,
        walks_check_it: true,
        rendered: None,
    }
}
