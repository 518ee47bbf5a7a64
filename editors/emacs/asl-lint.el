;;; asl-lint.el --- asl-lint diagnostics for Step Functions state machines, through eglot  -*- lexical-binding: t; -*-

;; Usage, in init.el (Emacs 29+ has eglot built in; on Emacs 28 install it from ELPA, or
;; Debian's elpa-eglot):
;;
;;   (add-to-list 'load-path "/path/to/asl-lint/editors/emacs")
;;   (require 'asl-lint)
;;   (asl-lint-setup)
;;
;; `asl-lint-setup' opens state machines in `asl-lint-json-mode' or `asl-lint-yaml-mode':
;; files named *.asl.json, *.asl.yaml or *.asl.yml, and other JSON or YAML files whose text
;; has both "StartAt" and "States". eglot starts `asl-lint lsp' for these modes only, so other
;; JSON and YAML files are left alone.

;;; Code:

(require 'eglot)

(defgroup asl-lint nil
  "Amazon States Language linting with asl-lint."
  :group 'tools
  :prefix "asl-lint-")

(defcustom asl-lint-command '("asl-lint" "lsp")
  "The command that starts the asl-lint language server."
  :type '(repeat string))

(defconst asl-lint-file-regexp "\\.asl\\.\\(json\\|ya?ml\\)\\'"
  "File names that always hold a state machine.")

(define-derived-mode asl-lint-json-mode js-mode "ASL"
  "Major mode for Amazon States Language definitions written in JSON."
  (setq-local js-indent-level 2))

(if (fboundp 'yaml-mode)
    (define-derived-mode asl-lint-yaml-mode yaml-mode "ASL/YAML"
      "Major mode for Amazon States Language definitions written in YAML.")
  (define-derived-mode asl-lint-yaml-mode text-mode "ASL/YAML"
    "Major mode for Amazon States Language definitions written in YAML."))

(defun asl-lint-state-machine-p ()
  "Non-nil when the buffer is a JSON or YAML file that looks like a state machine.
The language server has the last word on what it reports; this only decides where it runs."
  (and buffer-file-name
       (string-match-p "\\.\\(json\\|ya?ml\\)\\'" buffer-file-name)
       (save-excursion
         (save-restriction
           (widen)
           (goto-char (point-min))
           (let ((limit (min (point-max) (+ (point-min) 65536))))
             (and (re-search-forward "\\_<StartAt\\_>" limit t)
                  (progn (goto-char (point-min))
                         (re-search-forward "\\_<States\\_>" limit t))))))))

(defun asl-lint--mode-for-buffer ()
  "The asl-lint major mode for this buffer's file, or nil."
  (when (asl-lint-state-machine-p)
    (if (string-match-p "\\.ya?ml\\'" buffer-file-name) 'asl-lint-yaml-mode 'asl-lint-json-mode)))

(defun asl-lint--magic-json ()
  (eq (asl-lint--mode-for-buffer) 'asl-lint-json-mode))

(defun asl-lint--magic-yaml ()
  (eq (asl-lint--mode-for-buffer) 'asl-lint-yaml-mode))

;;;###autoload
(defun asl-lint-setup ()
  "Open state machines in the asl-lint modes and start eglot in them."
  (add-to-list 'auto-mode-alist '("\\.asl\\.json\\'" . asl-lint-json-mode))
  (add-to-list 'auto-mode-alist '("\\.asl\\.ya?ml\\'" . asl-lint-yaml-mode))
  (add-to-list 'magic-mode-alist '(asl-lint--magic-json . asl-lint-json-mode))
  (add-to-list 'magic-mode-alist '(asl-lint--magic-yaml . asl-lint-yaml-mode))
  (add-to-list 'eglot-server-programs
               `((asl-lint-json-mode asl-lint-yaml-mode) . ,asl-lint-command))
  (add-hook 'asl-lint-json-mode-hook #'eglot-ensure)
  (add-hook 'asl-lint-yaml-mode-hook #'eglot-ensure))

(provide 'asl-lint)
;;; asl-lint.el ends here
