import type { ErrorKind } from '@tandem/core';

// Every stable error code the API and WebSocket can return. docs/errors.md is checked against
// this table by a test, so a code added here without documentation fails CI.
export const PROBLEM_CODES = {
  'request.invalid': { kind: 'invalid', title: 'The request is invalid' },
  'request.malformed_json': { kind: 'invalid', title: 'The body is not valid JSON' },
  'request.invalid_utf8': { kind: 'invalid', title: 'The body is not valid UTF-8' },
  'request.too_large': { kind: 'too_large', title: 'The body is too large' },
  'request.unsupported_media_type': { kind: 'unsupported', title: 'Unsupported Content-Type' },
  'request.rate_limited': { kind: 'rate_limited', title: 'Too many requests' },
  'route.not_found': { kind: 'not_found', title: 'No such route' },
  'server.internal': { kind: 'unavailable', title: 'Internal error' },
  'server.shutting_down': { kind: 'unavailable', title: 'The server is shutting down' },
  'auth.unauthenticated': { kind: 'unauthenticated', title: 'Authentication required' },
  'auth.invalid_credentials': { kind: 'unauthenticated', title: 'Wrong workspace, email or password' },
  'auth.forbidden': { kind: 'forbidden', title: 'Your role does not allow this' },
  'auth.origin_not_allowed': { kind: 'forbidden', title: 'This origin may not use the widget' },
  'workspace.not_found': { kind: 'not_found', title: 'Workspace not found' },
  'workspace.slug_taken': { kind: 'conflict', title: 'Workspace slug already in use' },
  'agent.not_found': { kind: 'not_found', title: 'Agent not found' },
  'agent.email_taken': { kind: 'conflict', title: 'An agent with this email already exists' },
  'agent.role_not_allowed': { kind: 'forbidden', title: 'You may not give this role' },
  'agent.last_owner': { kind: 'conflict', title: 'A workspace keeps at least one owner' },
  'api_token.not_found': { kind: 'not_found', title: 'API token not found' },
  'team.not_found': { kind: 'not_found', title: 'Team not found' },
  'team.name_taken': { kind: 'conflict', title: 'A team with this name already exists' },
  'channel.not_found': { kind: 'not_found', title: 'Channel not found' },
  'customer.not_found': { kind: 'not_found', title: 'Customer not found' },
  'customer.merged': { kind: 'conflict', title: 'This customer was merged into another' },
  'customer.merge_rejected': { kind: 'conflict', title: 'These customers cannot be merged' },
  'identity.invalid': { kind: 'invalid', title: 'The identity value is not valid for its kind' },
  'identity.taken': { kind: 'conflict', title: 'This identity belongs to another customer' },
  'conversation.not_found': { kind: 'not_found', title: 'Conversation not found' },
  'conversation.merge_rejected': { kind: 'conflict', title: 'These conversations cannot be merged' },
  'conversation.split_rejected': { kind: 'invalid', title: 'These messages cannot be split off' },
  'conversation.invalid_status': { kind: 'invalid', title: 'This status change is not valid' },
  'conversation.channel_not_reachable': { kind: 'invalid', title: 'The customer cannot be reached on this channel' },
  'widget.identity_unverified': { kind: 'forbidden', title: 'identify() with an id needs a valid hash' },
  'widget.identity_forged': { kind: 'forbidden', title: 'The identity hash does not match' },
  'widget.magic_link_invalid': { kind: 'invalid', title: 'This link is invalid, used or expired' },
  'upload.too_large': { kind: 'too_large', title: 'The file is too large' },
  'upload.type_not_allowed': { kind: 'unsupported', title: 'This kind of file is not allowed' },
  'upload.missing_file': { kind: 'invalid', title: 'Send one file in the `file` field' },
  'file.not_found': { kind: 'not_found', title: 'File not found' },
  'audit_entry.not_found': { kind: 'not_found', title: 'Audit entry not found' },
  'audit_entry.not_revertible': { kind: 'conflict', title: 'This change cannot be reverted' },
  'ws.invalid_frame': { kind: 'invalid', title: 'The WebSocket frame is invalid' },
  'ws.not_ready': { kind: 'invalid', title: 'Send hello before anything else' },
} as const satisfies Record<string, { kind: ErrorKind; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export const PROBLEM_TYPE_BASE = 'https://tandem.dev/problems/';
