// The HTML of the graph view: Mermaid text drawn by Mermaid's browser build, under a
// content security policy that allows only that script.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function graphHtml(options: { mermaid: string; scriptUri: string; cspSource: string; nonce: string; title: string }): string {
  const { mermaid, scriptUri, cspSource, nonce, title } = options;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<title>${escapeHtml(title)}</title>
</head>
<body>
<pre class="mermaid">${escapeHtml(mermaid)}</pre>
<script nonce="${nonce}" src="${escapeHtml(scriptUri)}"></script>
<script nonce="${nonce}">mermaid.initialize({ startOnLoad: true, securityLevel: 'strict', theme: document.body.classList.contains('vscode-dark') ? 'dark' : 'default' });</script>
</body>
</html>`;
}
