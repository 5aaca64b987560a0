"""Learned components of extraction: models trained by the project on PolNeAR train, shipped as data.

A model here is a JSON file of feature weights beside a metadata file saying what
it was trained on, with which features and how it scored on dev; the script
``bench/train_cue_model.py`` reproduces it. Inference is a sparse dot product in
pure Python: no model is downloaded and no numeric library is imported at run time.
"""

from __future__ import annotations

from provenance.extract.learned.content_end import ContentEndModel, content_end_model
from provenance.extract.learned.cue_extent import CueExtentModel, cue_extent_model
from provenance.extract.learned.features import cue_feature_parts, cue_features, cue_head
from provenance.extract.learned.model import CueModel, cue_model

__all__ = [
    "ContentEndModel",
    "CueExtentModel",
    "CueModel",
    "content_end_model",
    "cue_extent_model",
    "cue_feature_parts",
    "cue_features",
    "cue_head",
    "cue_model",
]
