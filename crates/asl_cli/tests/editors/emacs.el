;;; Headless Emacs session driven by tests/editors.rs: open a broken file with the shipped
;;; eglot setup, wait for the diagnostics, and write what happened as JSON.  -*- lexical-binding: t; -*-
(require 'package)
(package-initialize)
(require 'json)
(let ((out (list (cons 'diagnostics [])))
      (report (getenv "ASL_OUT")))
  (condition-case err
      (progn
        (add-to-list 'load-path (expand-file-name "emacs" (getenv "ASL_EDITORS")))
        (require 'asl-lint)
        (setq asl-lint-command (list (getenv "ASL_LINT") "lsp"))
        (asl-lint-setup)
        (find-file (getenv "ASL_FILE"))
        (push (cons 'mode (symbol-name major-mode)) out)
        ;; eglot-ensure connects after the next command; batch mode runs none.
        (run-hooks 'post-command-hook)
        (let ((deadline (+ (float-time) 20)) diagnostics)
          (while (and (null diagnostics) (< (float-time) deadline))
            (accept-process-output nil 0.05)
            (when (bound-and-true-p flymake-mode) (flymake-start))
            (setq diagnostics (flymake-diagnostics)))
          (push (cons 'got_diagnostics (if diagnostics t :json-false)) out)
          (setf (alist-get 'diagnostics out)
                (vconcat
                 (mapcar (lambda (d)
                           (let ((data (flymake-diagnostic-data d)))
                             (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                                   (cons 'code (plist-get (alist-get 'eglot-lsp-diag data) :code))
                                   (cons 'message (flymake-diagnostic-text d)))))
                         diagnostics)))))
    (error (push (cons 'error (error-message-string err)) out)))
  (with-temp-file report (insert (json-encode out)))
  (kill-emacs 0))
