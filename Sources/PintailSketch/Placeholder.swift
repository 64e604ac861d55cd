// PintailSketch: work in progress.
