"""Write the benign half of the scanner's public corpus with the real libraries (Debian's python3-torch,
python3-numpy, python3-sklearn, python3-joblib): small models of every shape those libraries write, plus a
manifest saying which library and version wrote each. Nothing is loaded from outside; the outputs are committed
under packages/scanner/test/corpus/benign/ so the tests run without Python.

Run: /usr/bin/python3 packages/scanner/test/corpus/python/write_benign.py
"""
import io
import json
import pickle
import random
import sys
from pathlib import Path

import joblib
import numpy as np
import sklearn
import torch
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeRegressor

OUT = Path(__file__).resolve().parent.parent / "benign"
OUT.mkdir(exist_ok=True)
torch.manual_seed(0)
np.random.seed(0)
random.seed(0)
manifest = {}


def write(name, data, library, what):
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    versions = {"torch": torch.__version__, "numpy": np.__version__, "sklearn": sklearn.__version__, "joblib": joblib.__version__}
    manifest[name] = {"library": library, "version": versions.get(library, sys.version.split()[0]), "what": what}


def torch_bytes(obj, **kw):
    b = io.BytesIO()
    torch.save(obj, b, **kw)
    return b.getvalue()


def joblib_bytes(obj, **kw):
    b = io.BytesIO()
    joblib.dump(obj, b, **kw)
    return b.getvalue()


mlp = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.LayerNorm(16), torch.nn.Linear(16, 2))
write("torch/state_dict.pt", torch_bytes(mlp.state_dict()), "torch", "torch.save(state_dict)")
write("torch/state_dict_legacy.pt", torch_bytes(mlp.state_dict(), _use_new_zipfile_serialization=False), "torch", "legacy format")
write("torch/whole_sequential.pt", torch_bytes(mlp), "torch", "torch.save of a stock nn.Sequential")
opt = torch.optim.Adam(mlp.parameters(), lr=1e-3)
mlp(torch.randn(4, 8)).sum().backward()
opt.step()
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10)
ckpt = {"epoch": 3, "model": mlp.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(), "loss": 0.25}
write("torch/checkpoint.pt", torch_bytes(ckpt), "torch", "training checkpoint: model, Adam, StepLR")
write("torch/tensors_p2.pt", torch_bytes({"w": torch.arange(6, dtype=torch.float16)}, pickle_protocol=2), "torch", "protocol 2")
write("torch/pickled_tensor.pkl", pickle.dumps(torch.ones(3)), "torch", "pickle.dumps(tensor): _load_from_bytes of a torch.save")
write("torch/pickled_tensor_p2.pkl", pickle.dumps(torch.ones(3), protocol=2), "torch", "protocol 2 (_codecs.encode bytes)")
write("torch/numpy_in_torch.pt", torch_bytes({"mean": np.zeros(3, dtype=np.float32), "step": np.int64(7)}), "torch", "numpy arrays saved with torch")

# A transformers-style checkpoint directory.
hf = {f"model.layers.{i}.mlp.weight": torch.randn(4, 4).half() for i in range(2)}
hf["lm_head.weight"] = torch.randn(8, 4).half()
write("hf-model/pytorch_model.bin", torch_bytes(hf), "torch", "transformers-style pytorch_model.bin")
rng = {"python": random.getstate(), "numpy": np.random.get_state(), "cpu": torch.random.get_rng_state()}
write("hf-model/rng_state.pth", torch_bytes(rng), "torch", "Trainer rng_state.pth (python, numpy, torch rng)")
write("hf-model/config.json", json.dumps({"architectures": ["LlamaForCausalLM"], "hidden_size": 4, "torch_dtype": "float16"}, indent=2).encode(), "python", "config.json")
template = (
    "{% for message in messages %}{% if message['role'] == 'system' %}{{ '<<SYS>>' + message['content'] + '<</SYS>>' }}"
    "{% elif message['role'] == 'user' %}{{ bos_token + '[INST] ' + message['content'] | trim + ' [/INST]' }}"
    "{% else %}{{ ' ' + message['content'] | trim + eos_token }}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}{{ '[INST]' }}{% endif %}"
)
write("hf-model/tokenizer_config.json", json.dumps({"tokenizer_class": "LlamaTokenizer", "bos_token": "<s>", "eos_token": "</s>", "chat_template": template}, indent=2).encode(), "python", "tokenizer_config.json with a chat template")

# numpy
b = io.BytesIO(); np.save(b, np.arange(12, dtype=np.float32).reshape(3, 4)); write("numpy/array.npy", b.getvalue(), "numpy", "np.save float32")
b = io.BytesIO(); np.save(b, np.array(["a", "bc"], dtype=object), allow_pickle=True); write("numpy/object_strings.npy", b.getvalue(), "numpy", "object array of str")
b = io.BytesIO(); np.savez_compressed(b, w=np.ones((2, 2)), b=np.zeros(2)); write("numpy/arrays.npz", b.getvalue(), "numpy", "np.savez_compressed")
b = io.BytesIO(); np.save(b, np.zeros(3, dtype=[("x", "<f4"), ("y", "<i8")])); write("numpy/structured.npy", b.getvalue(), "numpy", "structured dtype")

# sklearn through joblib and pickle
X = np.random.rand(40, 4)
y = (X[:, 0] > 0.5).astype(int)
write("sklearn/logreg.joblib", joblib_bytes(LogisticRegression().fit(X, y)), "sklearn", "joblib.dump(LogisticRegression)")
write("sklearn/forest_pipeline.joblib", joblib_bytes(make_pipeline(StandardScaler(), RandomForestClassifier(n_estimators=3, random_state=0)).fit(X, y)), "sklearn", "pipeline: scaler + random forest")
write("sklearn/gboost.joblib", joblib_bytes(GradientBoostingClassifier(n_estimators=3).fit(X, y), compress=3), "sklearn", "gradient boosting, zlib-compressed joblib")
write("sklearn/knn.pkl", pickle.dumps(KNeighborsClassifier(n_neighbors=3, algorithm="kd_tree").fit(X, y)), "sklearn", "pickle.dumps(KNN with a KD tree)")
write("sklearn/tree_p2.pkl", pickle.dumps(DecisionTreeRegressor(max_depth=3).fit(X, X[:, 1]), protocol=2), "sklearn", "decision tree, protocol 2")
text = make_pipeline(TfidfVectorizer(), LinearSVC()).fit(["good model", "bad model", "fine weights", "evil pickle"], [1, 0, 1, 0])
write("sklearn/text_pipeline.joblib", joblib_bytes(text), "sklearn", "tf-idf + linear SVC")
write("sklearn/label_encoder.joblib", joblib_bytes(LabelEncoder().fit(["a", "b"])), "sklearn", "label encoder")

# joblib of plain arrays
write("joblib/arrays.joblib", joblib_bytes({"a": np.arange(5), "b": np.eye(2)}), "joblib", "dict of arrays")
write("joblib/arrays_xz.joblib", joblib_bytes({"a": np.arange(5)}, compress=("xz", 3)), "joblib", "xz-compressed")

(OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
print(len(manifest), "benign files in", OUT)
