import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { deskApiFromWindow } from './desk-api'
import { LockGate } from './features/lock'
import { createDeskStore } from './store/desk-store'
import { DeskProvider } from './store/desk-context'
import './styles.css'

const api = deskApiFromWindow()
const store = createDeskStore(api)
// The store as it was before any customer was loaded: what it goes back to when the desk locks.
const pristine = store.getState()
const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <DeskProvider api={api} store={store}>
      <LockGate onLocked={() => store.setState(pristine, true)}>
        <App />
      </LockGate>
    </DeskProvider>
  </StrictMode>,
)
