import type { Address, Endpoint, EndpointConfig, Profile, ProfileName, StepContext, StepInput, StepResult, TimerName } from './types.ts';

/** Options for makeEndpoint: any EndpointConfig field, and the profile by name or value. */
export type EndpointOptions = Partial<Omit<EndpointConfig, 'profile'>> & { profile?: ProfileName | Profile };

/** A fresh endpoint in CLOSED (no connection record). Defaults: linux profile, RFC 6528 ISNs keyed by 0. */
export function makeEndpoint(_name: string, _local: Address, _options: EndpointOptions = {}): Endpoint {
  throw new Error('not implemented yet');
}

/** Process one input (§3.10). Pure: returns a new endpoint and the effects; inputs are untouched. */
export function step(_endpoint: Endpoint, _input: StepInput, _ctx: StepContext): StepResult {
  throw new Error('not implemented yet');
}

/** The earliest running timer, for a simulator's virtual clock. */
export function nextTimer(_endpoint: Endpoint): { timer: TimerName; at: number } | null {
  throw new Error('not implemented yet');
}

/** Variables the book draws for one side (§3.3.1); nulls when there is no connection record. */
export function snapshot(_endpoint: Endpoint): import('./types.ts').Snapshot {
  throw new Error('not implemented yet');
}
