//! Real selections from `tests/data/dev.jsonl`, shared by the benchmarks.

/// A whole sentence of the Italian report (two claims in one sentence).
pub const ITALIAN_SENTENCE: &str = "Il confronto tra i rappresentanti di una trentina di Paesi ha \
    confermato un forte impegno comune nel mantenere alta la pressione sulla Russia, elemento \
    ritenuto essenziale per sostenere la sovranità e l’indipendenza di Kiev.";

/// An English paraphrase, as another outlet would write it.
pub const ENGLISH_SENTENCE: &str =
    "Meloni ruled out sending Italian boots on the ground in Ukraine.";
