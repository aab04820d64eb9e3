"""newsfacts: news articles in, validated CSV and Parquet data packages out."""

__version__ = "0.1.0"
