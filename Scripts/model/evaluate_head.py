#!/usr/bin/env python3
"""Evaluates the committed head file exactly as PintailML runs it: all six layers in fp32 from the token ids,
with the head file's LoRA/replace delta merged into the encoder weights (W += B·A), as the Swift loader does.
Prints the held-back metrics and rewrites Datasets/models/fixtures/sentiment-reference.jsonl.

usage: evaluate_head.py DATA_DIR MINILM_DIR REPO_ROOT
"""
import os, sys

import torch
from safetensors import safe_open
from safetensors.torch import load_file
from transformers import BertTokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_head as th


def merged_state(minilm_dir, head_file):
    sd = load_file(os.path.join(minilm_dir, "model.safetensors"))
    delta = load_file(head_file)
    for name, value in delta.items():
        if name.startswith("replace."):
            sd[name[len("replace."):]] = value
        elif name.startswith("lora_a."):
            base = name[len("lora_a."):]
            sd[base] = sd[base] + delta["lora_b." + base] @ value
    return sd, delta


def fp32_model(minilm_dir, head_file):
    """The encoder with the head file's delta merged and the head, as Swift runs them: (tokenizer, max_len, top,
    head, forward), where forward(rows, idx) gives the head's outputs for rows[idx] (their "ids" set)."""
    with safe_open(head_file, "pt") as f:
        meta = f.metadata()
    max_len = int(meta.get("max_seq_length", "128"))
    sd, delta = merged_state(minilm_dir, head_file)
    tokenizer = BertTokenizer(os.path.join(minilm_dir, "vocab.txt"), do_lower_case=True)
    layers = [th.Layer(sd, i, 0) for i in range(6)]
    head = th.Head()
    with torch.no_grad():
        head.l0.weight.copy_(delta["head.0.weight"]); head.l0.bias.copy_(delta["head.0.bias"])
        head.l1.weight.copy_(delta["head.1.weight"]); head.l1.bias.copy_(delta["head.1.bias"])
    embed = th.Embeddings(sd)

    def forward(rows, idx):
        ids, mask = th.pad(rows, idx, "ids")
        x = embed(ids)
        for layer in layers: x = layer(x, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return head(pooled)

    return tokenizer, max_len, torch.nn.ModuleList(layers), head, forward


def main(data_dir, minilm_dir, repo):
    head_file = os.path.join(repo, "Datasets/models/sentiment-head.safetensors")
    tokenizer, max_len, top, head, forward = fp32_model(minilm_dir, head_file)
    train, held = th.load_data(data_dir)
    if os.environ.get("CLEAN"):  # only held-back texts that no training row repeats (see train_head.without_held_texts)
        seen = {th.normalized(r["text"]) for r in train}
        before = len(held)
        held = [r for r in held if th.normalized(r["text"]) not in seen]
        print(f"held back {before}, of which {len(held)} never appear in the training data", flush=True)
    if os.environ.get("REVIEWS_ONLY"):  # the acceptance set alone: VADER Amazon and movie review sentences
        held = [r for r in held if r["source"] in ("vader-amazonReviewSnippets", "vader-movieReviewSnippets")]
    if os.environ.get("QUICK"):  # only the rows that go into the reference fixture
        held = [r for r in held if r["source"].startswith("vader")][:150] + [r for r in held if r["source"] == "rotten_tomatoes"][:50]
    for r in held:
        r["ids"] = tokenizer(r["text"], truncation=True, max_length=max_len)["input_ids"]
        r["n"] = len(r["ids"])
    th.evaluate(top, head, held, forward)
    if not (os.environ.get("CLEAN") or os.environ.get("REVIEWS_ONLY")):
        th.write_reference(top, head, held, forward, repo)
        print("reference rewritten from the fp32 path")


if __name__ == "__main__":
    main(*sys.argv[1:4])
