// The page's entry for the third-vendor bundle (see page.ts): registers the vendor, then starts the app as
// renderer/src/main.tsx does. ES modules run in import order, so the registry knows the vendor before any of
// the app's modules reads it.
import './register'
import '../../../renderer/src/main'
