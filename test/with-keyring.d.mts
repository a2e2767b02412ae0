import type { SpawnOptions } from 'node:child_process'

/** Runs a command (`node` meaning this Node) and resolves with its exit code. */
export function run(command: string, args: string[], options?: SpawnOptions): Promise<number>
export function withKeyring(command: string, args: string[]): Promise<number>
