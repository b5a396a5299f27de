export { suggestionWorkflow } from './suggestion/workflow';
export { noopCaseWorkflow } from './noop';
export { dispatcherWorkflow } from './dispatch';
export { bulletinWorkflow } from './bulletin';
