export function findingFile(uri: string | undefined): string
