#!/usr/bin/env python3
"""The baseline the issue names: the frozen all-MiniLM-L6-v2 encoder (mean-pooled, L2-normalised, as
sentence-transformers uses it) with a logistic-regression head, trained on the same training rows as
train_head.py and scored POSITIVE-vs-NEGATIVE on the same held-back VADER Amazon and movie review sentences,
at several polarity cut-offs |human mean rating| >= c. It calibrates how hard each held-back subset is.

usage: frozen_baseline.py DATA_DIR MINILM_DIR    (env TRAIN_LIMIT: training rows used, default 12000)
"""
import os, random, sys

import numpy as np
import torch
from safetensors.torch import load_file
from transformers import BertTokenizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_head as th

torch.set_num_threads(int(os.environ.get("THREADS", "1")))


def embed(rows, tokenizer, sd):
    for r in rows:
        r["ids"] = tokenizer(r["text"], truncation=True, max_length=th.MAX_LEN)["input_ids"]
        r["n"] = len(r["ids"])
    layers = [th.Layer(sd, i, 0) for i in range(6)]
    embed_ids = th.Embeddings(sd)
    out = np.zeros((len(rows), th.H), dtype=np.float32)
    with torch.no_grad():
        for idx in th.batches(rows, 64, False, random.Random(0)):
            ids, mask = th.pad(rows, idx, "ids")
            x = embed_ids(ids)
            for layer in layers: x = layer(x, mask)
            pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
            for j, i in enumerate(idx): out[i] = pooled[j].numpy()
    return out


def logistic_regression(x, y, test, l2=1e-4):
    """L2-regularised logistic regression fitted with L-BFGS; returns the predicted classes of `test`."""
    x, y, test = torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(test)
    w = torch.zeros(x.shape[1], requires_grad=True); b = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=500, line_search_fn="strong_wolfe")
    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(x @ w + b, y) + l2 * (w * w).sum()
        loss.backward()
        return loss
    opt.step(closure)
    with torch.no_grad():
        return ((test @ w + b) > 0).numpy()


def main(data_dir, minilm_dir):
    tokenizer = BertTokenizer(os.path.join(minilm_dir, "vocab.txt"), do_lower_case=True)
    sd = load_file(os.path.join(minilm_dir, "model.safetensors"))
    train, held = th.load_data(data_dir)
    train = [r for r in th.without_held_texts(train, held) if r["label"] != 1]
    train = train[: int(os.environ.get("TRAIN_LIMIT", "12000"))]
    held = [r for r in held if r["source"] in ("vader-amazonReviewSnippets", "vader-movieReviewSnippets") and r["label"] != 1]
    xt, xh = embed(train, tokenizer, sd), embed(held, tokenizer, sd)
    pred = logistic_regression(xt, np.array([r["label"] == 2 for r in train], dtype=np.float32), xh)
    for cut in [0.5, 1.0, 1.5]:
        for name, src in [("Amazon+movie", None), ("Amazon", "vader-amazonReviewSnippets"), ("movie", "vader-movieReviewSnippets")]:
            sel = [k for k, r in enumerate(held) if abs(r["score"]) >= cut and (src is None or r["source"] == src)]
            acc = np.mean([pred[k] == (held[k]["label"] == 2) for k in sel])
            print(f"frozen + logistic regression, |rating| >= {cut}, {name}: {acc:.4f} (n={len(sel)})", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
