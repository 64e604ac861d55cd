#!/usr/bin/env python3
"""Reference fixtures for PintailML's exactness tests, from PyTorch + transformers (run in /work/main/.venv).

Writes into Datasets/models/fixtures/:
  tiny-distilbert/  a random DistilBertForSequenceClassification (config.json, vocab.txt, model.safetensors)
  tiny-bert/        a random BertForSequenceClassification in the same form
  reference.jsonl   one line per text: text, ids (max_seq_length 128), logits of both tiny models and,
                    when the all-MiniLM-L6-v2 folder is given, its mean-pooled L2-normalised embedding.
Texts: a seeded sample of the VADER hutto_ICWSM_2014 sentences (MIT) plus tokenizer edge cases.

usage: make_fixtures.py VADER_DIR MINILM_DIR OUT_DIR
"""
import json, os, random, shutil, sys

import torch
from safetensors.torch import save_file
from transformers import (BertConfig, BertForSequenceClassification, BertModel, BertTokenizer,
                          DistilBertConfig, DistilBertForSequenceClassification)

EDGE_CASES = [
    "", "   ", "Hello, WORLD!!", "naïve café RÉSUMÉ Ångström", "日本語のテキスト 中文字符 한국어",
    "tab\there\nnew line\r\nand\u2028line separator", "zero\u200bwidth and soft\u00adhyphen and \x07bell",
    "a" * 120, "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "emoji 😀👍🏽 and symbols © ™ € ∑", "[CLS] literal [SEP] tokens [MASK] and [unk] lower",
    "İstanbul ΣΊΣΥΦΟΣ straße ǅemal", "don't won't it's 10/10 $5.99 e-mail @user #tag http://x.y/z?q=1",
    "«quoted» “curly” ‘single’ — dash … ellipsis", "x\u0301 combining\u0308 marks", "\ufeffBOM start",
]
LABELS = {0: "NEGATIVE", 1: "NEUTRAL", 2: "POSITIVE"}


def sample_texts(vader_dir, count, seed=7):
    texts = []
    for name in ["amazonReviewSnippets", "movieReviewSnippets", "tweets", "nytEditorialSnippets"]:
        with open(os.path.join(vader_dir, name + "_GroundTruth.txt"), encoding="utf-8", errors="replace") as f:
            texts += [line.rstrip("\n").split("\t", 2)[2] for line in f if line.count("\t") >= 2]
    random.Random(seed).shuffle(texts)
    return texts[:count]


def randomize(model, seed):
    """Weights large enough that the logits are of order one, so a 1e-3 tolerance means something."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "LayerNorm" in name or "layer_norm" in name:
                p.copy_((1.0 if name.endswith("weight") else 0.0) + 0.1 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(0.15 * torch.randn(p.shape, generator=g))
    return model.eval()


def save_checkpoint(model, config, vocab_file, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    tensors = {k: v.contiguous() for k, v in model.state_dict().items() if not k.endswith("position_ids")}
    save_file(tensors, os.path.join(out_dir, "model.safetensors"), metadata={"format": "pt"})
    config.to_json_file(os.path.join(out_dir, "config.json"))
    shutil.copy(vocab_file, os.path.join(out_dir, "vocab.txt"))


def main(vader_dir, minilm_dir, out_dir):
    torch.manual_seed(0)
    tokenizer = BertTokenizer(os.path.join(minilm_dir, "vocab.txt"), do_lower_case=True)
    texts = EDGE_CASES + sample_texts(vader_dir, 300)
    distil_config = DistilBertConfig(vocab_size=30522, dim=16, n_layers=2, n_heads=2, hidden_dim=48,
                                     max_position_embeddings=128, num_labels=3, id2label=LABELS,
                                     label2id={v: k for k, v in LABELS.items()})
    distil = randomize(DistilBertForSequenceClassification(distil_config), 1)
    bert_config = BertConfig(vocab_size=30522, hidden_size=12, num_hidden_layers=2, num_attention_heads=3,
                             intermediate_size=24, max_position_embeddings=128, num_labels=3, id2label=LABELS,
                             label2id={v: k for k, v in LABELS.items()})
    bert = randomize(BertForSequenceClassification(bert_config), 2)
    minilm = BertModel.from_pretrained(minilm_dir).eval()
    save_checkpoint(distil, distil_config, os.path.join(minilm_dir, "vocab.txt"), os.path.join(out_dir, "tiny-distilbert"))
    save_checkpoint(bert, bert_config, os.path.join(minilm_dir, "vocab.txt"), os.path.join(out_dir, "tiny-bert"))
    with open(os.path.join(out_dir, "reference.jsonl"), "w", encoding="utf-8") as out, torch.no_grad():
        for text in texts:
            ids = tokenizer(text, truncation=True, max_length=128)["input_ids"]
            x = torch.tensor([ids])
            mask = torch.ones_like(x)
            hidden = minilm(input_ids=x, attention_mask=mask).last_hidden_state[0]
            embedding = torch.nn.functional.normalize(hidden.mean(0), dim=0)
            row = {"text": text, "ids": ids,
                   "tiny_distilbert": [round(v, 6) for v in distil(input_ids=x, attention_mask=mask).logits[0].tolist()],
                   "tiny_bert": [round(v, 6) for v in bert(input_ids=x, attention_mask=mask).logits[0].tolist()],
                   "minilm": [round(v, 6) for v in embedding.tolist()]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(texts)} reference rows to {out_dir}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
