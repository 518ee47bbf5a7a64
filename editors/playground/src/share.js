// The share link carries the file name and its text, deflated and base64url-encoded, in the
// URL fragment: it never reaches a server.

async function deflate(bytes, direction) {
  const stream = new Blob([bytes]).stream().pipeThrough(
    direction === 'in' ? new CompressionStream('deflate-raw') : new DecompressionStream('deflate-raw'),
  );
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment (without `#`) that holds `name` and `text`. */
export async function encodeShare(name, text) {
  const packed = toBase64Url(await deflate(new TextEncoder().encode(text), 'in'));
  return `name=${encodeURIComponent(name)}&z=${packed}`;
}

/** `{name, text}` from a fragment made by `encodeShare`, or `null`. */
export async function decodeShare(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const packed = params.get('z');
  if (!packed) return null;
  try {
    const text = new TextDecoder().decode(await deflate(fromBase64Url(packed), 'out'));
    return { name: params.get('name') || 'definition.asl.json', text };
  } catch {
    return null;
  }
}
