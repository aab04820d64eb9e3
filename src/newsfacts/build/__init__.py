"""The build: seeds and curated knowledge in, the rows of every table out, with stable ids.

In: a seeds folder and a dataset folder.
Out: validated CSV and Parquet packages in the output folder (through package/).
- rows.py: one seed's extraction as table rows (the article's own actor keys);
- parallel.py: many seeds, from the cache or on every core, in order;
- cache.py: each seed's extraction cached as checked JSON, keyed by all it depends on;
- actor_ids.py: dataset-wide actor ids, named actors merged over articles;
- corrections.py: the reviewed corrections of dataset/corrections.yaml applied;
- run.py: the whole run (`build`, `stale_files`);
- release.py: a release, built again from the seeds without the cache and compared;
- one_article.py: one article's records in memory (extract, evaluate, tests).
"""
