#!/usr/bin/python3
"""Write the example models for demo.sh: benign (a torch state dict, NumPy arrays, a joblib dict of arrays)
and malicious (a pickle that calls os.system, a checkpoint with the same payload inside). Nothing runs them.
Run: /usr/bin/python3 examples/models/make_examples.py"""
import io, os, pickle
from pathlib import Path

import numpy as np
import torch
import joblib

HERE = Path(__file__).resolve().parent
torch.manual_seed(0)


class Payload:
    def __reduce__(self):
        return (os.system, ("echo this would have run on load",))


(HERE / "benign").mkdir(exist_ok=True)
(HERE / "malicious").mkdir(exist_ok=True)
model = torch.nn.Sequential(torch.nn.Linear(8, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
torch.save(model.state_dict(), HERE / "benign" / "classifier.pt")
np.savez(HERE / "benign" / "embeddings.npz", tokens=np.arange(16, dtype=np.float32).reshape(4, 4))
joblib.dump({"mean": np.zeros(4), "scale": np.ones(4)}, HERE / "benign" / "scaler.joblib")
(HERE / "malicious" / "os_system.pkl").write_bytes(pickle.dumps(Payload(), protocol=4))
sd = model.state_dict()
sd["_extra"] = Payload()
torch.save(sd, HERE / "malicious" / "trojan_classifier.pt")
print("examples written to", HERE)
# nullifAI: the payload runs, then the stream breaks; the scanner says unsafe with a partial analysis.
(HERE / "malicious" / "cut_after_payload.pkl").write_bytes(pickle.dumps(Payload(), protocol=4)[:-1] + b"\xff")
