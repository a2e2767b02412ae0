/** The id of a customer form field's input, from its path (`x360.username` → `customer-form-x360-username`). */
export const fieldId = (key: string): string => `customer-form-${key.replace('.', '-')}`
