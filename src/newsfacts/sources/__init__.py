"""The inputs of a build: seed articles and the curated knowledge of dataset/.

In: seeds/<article_id>.txt files and dataset/*.yaml.
Out: `Seed` (an article's normalised text and byline, seeds.py) and `Curated` (package
metadata, per-article metadata, known actors, quality figures, curated.py), each file
validated with an error naming the file and key; yaml_files.py reads YAML strictly.
"""
