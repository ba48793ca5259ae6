export * from './common.ts';
export * from './problem-codes.ts';
export * from './rest/auth.schemas.ts';
export * from './rest/workspace.schemas.ts';
export * from './rest/customer.schemas.ts';
export * from './rest/conversation.schemas.ts';
export * from './rest/widget.schemas.ts';
export * from './ws/frames.ts';
