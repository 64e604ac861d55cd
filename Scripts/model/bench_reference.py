#!/usr/bin/env python3
"""PyTorch (and onnxruntime, when installed in the venv) on the same all-MiniLM-L6-v2 weights as PintailML:
sentences per second at 64 and 128 tokens (padded to the full length, batch 32) and on real VADER review
sentences sorted by length (tokenizing excluded), wall-clock and per CPU-second (the machine is shared, so the
per-CPU-second figure is the steadier one). Prints, never asserts.

usage: bench_reference.py MINILM_DIR VADER_DIR     (VADER_DIR: the unpacked hutto_ICWSM_2014 folder)
"""
import os, resource, sys, time

import numpy as np
import torch
from transformers import BertModel, BertTokenizer

THREADS = int(os.environ.get("THREADS", str(os.cpu_count() or 2)))
torch.set_num_threads(THREADS)


def cpu_seconds():
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def measure(name, run, batches, count):
    run(batches[0])  # warm-up
    c0, w0 = cpu_seconds(), time.time()
    for b in batches: run(b)
    wall, cpu = time.time() - w0, cpu_seconds() - c0
    print(f"{name}: {count / wall:.1f} sentences/s wall, {count / cpu:.1f} per CPU-second ({count} in {wall:.1f} s, {THREADS} threads)", flush=True)


def main(minilm, vader):
    tokenizer = BertTokenizer(os.path.join(minilm, "vocab.txt"), do_lower_case=True)
    model = BertModel.from_pretrained(minilm).eval()
    texts = []
    for name in ["amazonReviewSnippets", "movieReviewSnippets"]:
        with open(os.path.join(vader, name + "_GroundTruth.txt"), encoding="utf-8", errors="replace") as f:
            texts += [line.rstrip("\n").split("\t", 2)[2] for line in f if line.count("\t") >= 2][:500]
    shapes = []
    for length, count in [(64, 512), (128, 256)]:
        ids = [(torch.arange(length) * 7 + i) % 20000 + 2000 for i in range(count)]
        batches = [torch.stack(ids[i:i + 32]) for i in range(0, count, 32)]
        shapes.append((f"seq {length}", batches, count))
    enc = sorted((tokenizer(t, truncation=True, max_length=128)["input_ids"] for t in texts), key=len)
    sorted_batches = []
    for i in range(0, len(enc), 32):
        group = enc[i:i + 32]
        width = max(map(len, group))
        sorted_batches.append(torch.tensor([g + [0] * (width - len(g)) for g in group]))
    shapes.append((f"{len(enc)} VADER sentences sorted by length", sorted_batches, len(enc)))

    def torch_run(ids):
        with torch.no_grad():
            model(input_ids=ids, attention_mask=(ids != 0).long())
    if not os.environ.get("SKIP_TORCH"):
        for name, batches, count in shapes:
            measure("PyTorch " + name, torch_run, batches, count)

    try:
        import onnxruntime as ort
    except ImportError:
        print("onnxruntime not installed in this venv: skipped", flush=True)
        return
    path = "/tmp/pintail-minilm.onnx"
    if not os.path.exists(path):
        class Encoder(torch.nn.Module):  # plain positional inputs for the TorchScript-based exporter
            def __init__(self, bert):
                super().__init__()
                self.bert = bert
            def forward(self, input_ids, attention_mask):
                return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        dummy = torch.ones(2, 16, dtype=torch.long)
        torch.onnx.export(Encoder(model), (dummy, dummy), path, input_names=["input_ids", "attention_mask"],
                          output_names=["hidden"], dynamo=False,
                          dynamic_axes={"input_ids": {0: "b", 1: "n"}, "attention_mask": {0: "b", 1: "n"}})
    options = ort.SessionOptions()
    options.intra_op_num_threads = THREADS
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    def ort_run(ids):
        a = ids.numpy().astype(np.int64)
        session.run(None, {"input_ids": a, "attention_mask": (a != 0).astype(np.int64)})
    for name, batches, count in shapes:
        measure("onnxruntime " + name, ort_run, batches, count)


if __name__ == "__main__":
    main(*sys.argv[1:3])
