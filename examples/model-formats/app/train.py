from transformers import AutoModel, AutoTokenizer, pipeline
from huggingface_hub import hf_hub_download, snapshot_download

model = AutoModel.from_pretrained("acme-corp/sentiment-v2")
tok = AutoTokenizer.from_pretrained(
    "random-user/unvetted-llm"
)
weights = hf_hub_download(repo_id="evil-org/backdoored", filename="model.safetensors")
snapshot_download("meta-llama/Llama-3.1-8B")
clf = pipeline("text-classification", model="distilbert-base-uncased")
local = AutoModel.from_pretrained("./checkpoints/run-7")
