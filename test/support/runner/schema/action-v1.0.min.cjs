// @actions/workflow-parser imports its schema JSON without an import attribute (it is written for bundlers);
// jest maps that import here. The package exports only ESM entry points, so the file is reached by path.
module.exports = require('../../../../node_modules/@actions/workflow-parser/dist/action-v1.0.min.json');
