/** The scanner reports paths with the OS's separator (`main\\index.ts` on Windows); the allow-list writes them with `/`. */
export function findingFile(uri) {
  return uri ? uri.replaceAll('\\', '/') : 'N/A'
}
