/**
 * The app's names for its actions, in one place so the header, the empty desk, the dialog, the native
 * menu and the tests all say the same thing.
 */
export const NEW_CUSTOMER = 'New customer'
