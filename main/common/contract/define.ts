import type { z } from 'zod'
import type { Result } from '../result'

/** One channel: the zod schema main checks the payload with, and the type of the value it answers. */
export interface ChannelSpec<Req extends z.ZodType, Res> {
  request: Req
  /** Phantom: carries the response type only. */
  response?: Res
}

export const channel =
  <Req extends z.ZodType>(request: Req) =>
  <Res>(): ChannelSpec<Req, Res> => ({ request })

export type Namespace = Record<string, ChannelSpec<z.ZodType, unknown>>

export type RequestOf<S> = S extends ChannelSpec<infer Req, unknown> ? z.input<Req> : never
export type ParsedRequestOf<S> = S extends ChannelSpec<infer Req, unknown> ? z.output<Req> : never
export type ResponseOf<S> = S extends ChannelSpec<z.ZodType, infer Res> ? Res : never

/** The page-side API for one namespace: each channel becomes a method returning a Result. */
export type NamespaceApi<N> = {
  [M in keyof N]: (request: RequestOf<N[M]>) => Promise<Result<ResponseOf<N[M]>>>
}
