// Saving a file from the app, the same way on every screen: the browser's downloads in browser
// mode, the system's save dialog in the desktop app (Electron asks where to save a download,
// proposing the name given here).

/** Clicks a hidden download link: `fileName` is the proposed name ('' keeps the one the server sends). */
export function clickDownload(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves bytes already in the page under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  clickDownload(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a file the host sent in base64. */
export function saveBase64(base64: string, contentType: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: contentType }), fileName);
}
