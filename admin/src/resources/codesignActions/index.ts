import { ActionEdit } from './ActionEdit';

/** Actions are listed and added on their proposal's page; this is the editor of the ten sections. */
export default {
  edit: ActionEdit,
  recordRepresentation: 'title',
};
