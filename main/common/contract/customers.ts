import { z } from 'zod'
import { customerFormSchema } from '../customer-form'
import type { Customer } from '../customer-model'
import { channel } from './define'

export const customerId = z.string().min(1).max(100)
const byId = z.strictObject({ id: customerId })

/** A list row: everything but the history, which only the detail view needs. */
export type CustomerListItem = Omit<Customer, 'history'>

export const customerChannels = {
  list: channel(z.strictObject({}))<CustomerListItem[]>(),
  get: channel(byId)<Customer>(),
  create: channel(
    z.strictObject({ form: customerFormSchema, confirmDuplicateCompany: z.boolean().default(false) }),
  )<Customer>(),
  update: channel(
    z.strictObject({
      id: customerId,
      form: customerFormSchema,
      confirmDuplicateCompany: z.boolean().default(false),
      reason: z.string().max(500).default(''),
    }),
  )<Customer>(),
  delete: channel(byId)<{ deleted: true }>(),
  changePassword: channel(
    z.strictObject({ id: customerId, password: z.string().max(1000), confirmPassword: z.string().max(1000) }),
  )<Customer>(),
  revealPassword: channel(byId)<{ password: string }>(),
  copyPassword: channel(byId)<{ clearsAfterSeconds: number }>(),
}
