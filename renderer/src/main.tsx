import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { deskApiFromWindow } from './desk-api'
import { createDeskStore } from './store/desk-store'
import { DeskProvider } from './store/desk-context'
import './styles.css'

const api = deskApiFromWindow()
const store = createDeskStore(api)
const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <DeskProvider api={api} store={store}>
      <App />
    </DeskProvider>
  </StrictMode>,
)
