export { suggestionWorkflow } from './suggestion/workflow';
export { noopCaseWorkflow } from './noop';
