export { RequestAccessButton } from './RequestAccessButton';
export type { RequestAccessButtonProps } from './RequestAccessButton';
export { RequestAccessDialog } from './RequestAccessDialog';
export type { RequestAccessDialogProps } from './RequestAccessDialog';
