import { pathToFileURL } from 'node:url'
import { APP_SCHEME, resolveAppAsset } from '../security/window-policy'
import type { ElectronParts, ProtocolPart } from './electron-parts'

/** Must run before the app is ready: the app's scheme behaves like https (secure, standard origin). */
export function registerAppScheme(protocol: ProtocolPart): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer folder, and nothing outside it, on the app's scheme. */
export function serveRenderer({ protocol, net }: Pick<ElectronParts<never>, 'protocol' | 'net'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppAsset(request.url, rendererDir)
    if (!file) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}
