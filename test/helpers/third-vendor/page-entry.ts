/// <reference types="vite/client" />
// The page's entry for the third-vendor bundle (see page.ts): registers the vendor, then starts the app
// (renderer/src/main.tsx). ES modules run in import order, so the registry knows the vendor before any of
// the app's modules reads it. (The reference above types the app's CSS imports, as renderer/src/vite-env.d.ts does.)
import './register'
import '../../../renderer/src/main'
