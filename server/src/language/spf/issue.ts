import type { SpfErrorCode } from './types';

/**
 * A syntax problem found by one of the scanners, located by indices into the joined record
 * text. `parseSpf` maps these to document ranges once, through `JoinedText`.
 */
export interface SpfIssue {
  code: SpfErrorCode;
  message: string;
  from: number;
  to: number;
}
