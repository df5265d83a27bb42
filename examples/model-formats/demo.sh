#!/usr/bin/env bash
# Model formats beyond pickles: safetensors, GGUF + chat templates, ONNX, Keras, TensorFlow SavedModel, and more;
# a CycloneDX ML-BOM of the scanned models; and the model-source policy over application code.
set -euo pipefail
source "$DEMO_LIB"
here=examples/model-formats
out="$DEMO_TMP/model-formats"
title 'Model formats: safetensors, GGUF and chat templates, ONNX, Keras, SavedModel; ML-BOM; model sources'

# Benign models of every format pass, and the ML-BOM lists one machine-learning-model per model directory.
expect 0 -- trustgate scan "$here/models/benign" --mlbom "$out/mlbom.json"
note "ML-BOM: $(node -e 'const b = require(process.argv[1]); console.log(b.components.map((c) => `${c.name} ${c.properties.find((p) => p.name === "trustgate:verdict").value}`).join(", "))' "$out/mlbom.json")"

# SSTI chat templates, safetensors with trailing bytes, ONNX path traversal, Keras Lambda and safe_mode
# bypasses, SavedModel file and Python ops: every one blocks.
expect 1 -- trustgate scan "$here/models/malicious"

# More formats, each recognised by its bytes with its code surfaces judged (NeMo, TorchServe, skops, 7z, LZMA,
# R, TFLite, CoreML, ExecuTorch, XGBoost/LightGBM, PaddlePaddle, MXNet, Flax msgpack, Torch7, llamafile, Ollama):
# the benign set passes; Hydra targets, handler code (also obfuscated), skops gadgets, R promises, Flex PyFunc,
# a Paddle py_func and a CoreML custom layer hidden in control-flow bodies, ... block.
expect 0 -- trustgate scan "$here/more/benign"
expect 1 -- trustgate scan "$here/more/malicious"

# "No shadow AI": model references in code and configs outside the policy's allowlist block, with file and line.
expect 1 --grep 'TG-SRC|^[0-9]+ files' -- trustgate scan "$here/app" --sources --policy "$here/trustgate.yml"
