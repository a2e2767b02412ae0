// Loaded into the electronegativity scanner (node --import) so that it never reaches the network: its
// only downloads are translated messages (it falls back to the English ones it ships) and Electron's
// release list (that check is left out). Without this, each lookup waits for got's retries first.
import Module from 'node:module'

const offline = () => Promise.reject(Object.assign(new Error('electronegativity runs offline here'), { code: 'EOFFLINE' }))
offline.head = offline

const load = Module._load
Module._load = function loadWithoutNetwork(request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest)
}
