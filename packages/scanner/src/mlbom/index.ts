export { buildMlBom, type CycloneDxBom, type CycloneDxComponent, type MlBomOptions } from './cyclonedx.js';
export { groupModels, type ModelGroup } from './group.js';
