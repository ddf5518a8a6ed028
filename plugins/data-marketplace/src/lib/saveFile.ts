/**
 * Hands a file to the browser's download: an object URL on a temporary link with the
 * `download` attribute. The download went through fetchApi (so the user's token was sent);
 * a plain link to the backend could not carry it.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start the download after click() returns: revoke on the next tick.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
