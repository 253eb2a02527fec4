/** Saves a CSV export through the browser's download, in Electron and on the web. */
export function downloadCsv(fileName: string, csv: string): void {
  // A BOM so spreadsheet apps read the UTF-8 (CJK product names) correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
