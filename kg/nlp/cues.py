"""Evidence for an entity's type and for a paper's relation to it, read from plain text.

Two sources of evidence: the name itself (``-Bench`` names are benchmarks, ``-7B`` names
are models) and the words around it ("the X dataset", "evaluated on X", "we propose X").

Examples
--------
>>> type_from_name("MT-Bench"), type_from_name("Qwen2-7B-Instruct"), type_from_name("ResNet")
('Benchmark', 'Model', 'Method')
>>> type_from_context("We evaluate on", "benchmark and report accuracy.")
'Benchmark'
>>> relation_from_context("We propose", ", a new method.")
'proposes'
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "GENERIC_ACRONYMS",
    "GENERIC_WORDS",
    "ORGANISATIONS",
    "SCORE_VERB_NEXT",
    "UNITS",
    "appositive_kind",
    "kind_lists",
    "relation_from_context",
    "trained_on",
    "type_from_context",
    "type_from_name",
]

#: Acronyms of things outside ML (number formats, laws, diseases, science, medicine and
#: business words): never names when written bare, but a paper may still define one for its
#: own method ("We propose DNA (Dynamic Neural Architecture)").
NON_ML_ACRONYMS = frozenset(
    [
        # number formats
        "FP32",
        "FP16",
        "FP8",
        "FP4",
        "NVFP4",
        "MXFP4",
        "MXFP6",
        "MXFP8",
        "BF16",
        "INT8",
        "INT4",
        "INT16",
        "INT32",
        "INT2",
        "INT3",
        "FP64",
        "TF32",
        "FP6",
        # laws, review boards and diseases
        "IRB",
        "GDPR",
        "HIPAA",
        "CCPA",
        "COVID",
        "COVID-19",
        "SARS-CoV-2",
        # science, medicine and business words, not ML artefacts
        "DNA",
        "RNA",
        "mRNA",
        "HIV",
        "EEG",
        "ECG",
        "EMG",
        "MEG",
        "fNIRS",
        "SSVEP",
        # laboratory techniques of biology
        "CRISPR",
        "RNA-seq",
        "scRNA-seq",
        "scRNA",
        "ATAC-seq",
        "ChIP-seq",
        "MRI",
        "fMRI",
        "NMR",
        "CT",
        "PET",
        "SPECT",
        # file and media formats, and video codecs
        "H.264",
        "H.265",
        "HEVC",
        "AV1",
        "VP9",
        "JPEG",
        "JPG",
        "PNG",
        "MPEG",
        "MP3",
        # computer-aided design ("CAD models" of objects), not a model of ML
        "CAD",
        # broadcast media ("interviewed by TV reporters") and phone text messages
        "TV",
        "SMS",
        # compilers and hardware description ("LLVM IR", "RTL designs")
        "LLVM",
        "RTL",
        # a radar that images the ground ("optical and SAR imagery")
        "SAR",
        # genomics assays and loci ("eQTL mapping", "CAGE tracks")
        "eQTL",
        "eQTLs",
        "CAGE",
        # a format of API specifications ("3,100 OpenAPI specifications")
        "OpenAPI",
        # links between chips ("the cost of PCIe transfers")
        "PCIe",
        "NVLink",
        # notations for molecules: how data are written, not data or methods
        "SMILES",
        "SELFIES",
        "InChI",
        # chemical formulas (H2O is left to the catalogue, whose KV-cache method it also names)
        # and the pollutants an air-quality record holds ("records PM2.5, NO2 and O3 hourly")
        "CO2",
        "NO2",
        "SO2",
        "NOx",
        "CH4",
        "PM2.5",
        "PM10",
        # orbitals whose gap is a molecule's property to predict
        "HOMO",
        "LUMO",
        "HOMO-LUMO",
        # sensors: what the data is recorded with, not a data set or a method
        "LiDAR",
        "LIDAR",
        "RGB-D",
        "RGBA",
        "IMU",
        "IMUs",
        "GNSS",
        # wireless links a device reads its signals over ("WiFi-based localization")
        "WiFi",
        "Wi-Fi",
        "Bluetooth",
        "RTK-GNSS",
        "RTK-GPS",
        # an image's ground resolution in remote sensing ("very-high-resolution (VHR) imagery")
        "VHR",
        "CEO",
        "NGO",
        "GDP",
        # complexity classes: what a theory paper places a model in, not a method
        "TC0",
        "AC0",
        "NC1",
        "PSPACE",
        "EXPTIME",
        "BPP",
        "NEXP",
    ]
)

#: Acronyms that name a field or a kind of thing, not one entity.
GENERIC_ACRONYMS = NON_ML_ACRONYMS | frozenset(
    [
        # records, wards, weakness lists and files of application papers
        "EHR",
        "EHRs",
        "ICU",
        "CWE",
        "README",
        "KV",  # keys and values, bare ("4-bit KV quantization"); the KV cache is a catalogue name
        # an ordinary differential equation: what a sampler solves ("an ODE solver"), no method;
        # named ones stay ("Neural ODE", "probability flow ODE")
        "ODE",
        "ODEs",
        # ... and a partial differential one, what a neural solver learns to solve ("PDE-Refiner",
        # "PDEBench" stay names)
        "PDE",
        "PDEs",
        # a service-level objective, what a serving system is held to
        "SLO",
        "SLOs",
        # information technology ("internal IT documentation")
        "IT",
        # the difficulty of a split, set in capitals ("the EASY set", "the HARD subset")
        "EASY",
        "MEDIUM",
        "HARD",
        "GUI",
        "HD",
        "UHD",
        "SDK",
        "IDE",
        "DSL",
        "CLI",
        "XML",
        "YAML",
        "CSV",
        "MIDI",  # the music file format
        "KG",
        "KGs",
        "GEMM",
        "GEMMs",
        # the entity labels of named-entity recognition (PER is a catalogue acronym too: see
        # kg.nlp.assemble)
        "LOC",
        "ORG",
        "MISC",
        "UTF-8",
        "XAI",
        "VR",
        "XR",
        "NP",
        "XOR",
        "XNOR",
        "NAND",
        # Boolean operators in capitals ("the Boolean AND operation") and a data format
        "AND",
        "NOR",
        "AVRO",
        "AI",
        "AGI",
        "L0",
        "L1",
        "L2",
        "ML",
        "DL",
        "NLP",
        "NLU",
        "NLG",
        "CV",
        "RL",
        "DRL",
        "IR",
        "LLM",
        "LLMs",
        "LM",
        "LMs",
        "VLM",
        "VLMs",
        "VLA",
        "VLAs",
        "MLLM",
        "MLLMs",
        "LVLM",
        "LVLMs",
        "LRM",
        "LRMs",
        "SLM",
        "SLMs",
        "LMM",
        "LMMs",
        "MLMs",
        "API",
        "APIs",
        "GPU",
        "GPUs",
        "CPU",
        "CPUs",
        "TPU",
        "TPUs",
        "NPU",
        "NPUs",
        # vision and micro-controller chips a model is deployed to ("16.5 ms for VPU"; DSP is
        # left out: papers also define it for methods of their own)
        "VPU",
        "VPUs",
        "MCU",
        "MCUs",
        "SOTA",
        "SoTA",
        "USA",
        "UK",
        "EU",
        "US",
        "PRC",
        "UAE",
        "NYC",
        "HK",
        "IID",
        "OOD",
        "II",
        "III",
        "IV",
        "PhD",
        "URL",
        "URLs",
        "UI",
        "UIs",
        # a bird's-eye-view grid: how driving models lay out features, not one entity
        "BEV",
        # the split names of referring-expression sets ("RefCOCO val, testA and testB")
        "testA",
        "testB",
        "HTTP",
        "JSON",
        "SQL",
        # languages of the semantic web: how knowledge is written, not data or a method
        "OWL",
        "RDF",
        "SPARQL",
        "CSV",
        "PDF",
        "HTML",
        "RGB",
        "RGBD",
        "TFLOPs",
        "GB",
        "MB",
        "KB",
        "TB",
        "ID",
        "IDs",
        "DNN",
        "DNNs",
        "ANN",
        "ANNs",
        "NN",
        "NNs",
        "MLP",
        "MLPs",
        "QA",
        "AUC",
        # hardware, systems and networking: named, but not ML entities
        "RAM",
        "DRAM",
        "SRAM",
        "ROM",
        "FPGA",
        "FPGAs",
        "ASIC",
        "ASICs",
        "VLSI",
        "SIMD",
        "UNIX",
        "OS",
        "USB",
        "LAN",
        "WAN",
        "TCP",
        "PC",
        "PCs",
        "IoT",
        "IOT",
        "GPS",
        "HW",  # hardware and software: "HW/SW codesign"
        "SW",
        # graphs and complexity classes named by their kind
        "DAG",
        "DAGs",
        "PSPACE",
        "EXPTIME",
        "NL",
        "TC^0",
        "NC^1",
        "AC^0",
        "NC^0",
        # properties of words and signals, not named entities
        "OOV",
        "F0",
    ]
) - {"AUC", "MLP", "MLPs", "QA"}

#: Units of measure ("1.2 dB", "16 kHz"): never names when written bare, but unlike the generic
#: acronyms, a paper may define one as a short form. (Frames per second and FLOPs are measures a
#: paper reports its speed or cost in: catalogue metrics, like the gold sets' annotators read them.)
_UNIT_LIST = [
    "dB", "fps", "Hz", "kHz", "MHz", "GHz", "kbps", "Mbps", "Gbps", "GFLOPs", "MFLOPs",
    "PFLOPs", "TFLOPS", "FLOPS", "GFLOPS", "GiB", "MiB", "TiB", "eV", "meV", "kcal", "kWh", "hPa",
    "THz", "USD", "EUR", "GBP", "CNY", "JPY", "nM", "µM", "μM", "pM", "kDa", "mAh",
]  # fmt: skip
UNITS = frozenset(_UNIT_LIST)

#: Conferences and journals: a pair whose short form is one of these ("Computer Vision and
#: Pattern Recognition (CVPR)") names the venue, never a paper's method.
VENUES = frozenset(
    [
        "NeurIPS",
        "NIPS",
        "ICML",
        "ICLR",
        "ACL",
        "EMNLP",
        "NAACL",
        "EACL",
        "AACL",
        "COLING",
        "CoNLL",
        "CVPR",
        "ICCV",
        "ECCV",
        "WACV",
        "BMVC",
        "AAAI",
        "IJCAI",
        "KDD",
        "SIGIR",
        "WWW",
        "WSDM",
        "CIKM",
        "ICDM",
        "AISTATS",
        "UAI",
        "COLT",
        "ICASSP",
        "INTERSPEECH",
        "ASRU",
        "ICRA",
        "IROS",
        "CoRL",
        "RSS",
        "TACL",
        "TPAMI",
        "IJCV",
        "JMLR",
        "PMLR",
        "W&CP",
        "TMLR",
        "VISAPP",
        "MICCAI",
        "ISBI",
        "PNAS",
        "SemEval",  # the workshop; its shared tasks ("SemEval-2019 Task 6") are named whole
    ]
)

#: Organisations, venues, sites and software tools: named, but never ML entities themselves.
ORGANISATIONS = frozenset(
    [
        # weather, space and farming agencies whose forecasts and data papers compare with
        # the publisher of language data (ACE 2005 and the Penn Treebank are its data sets)
        "LDC",
        "USDA",
        "ECMWF",
        "NOAA",
        "NCEP",
        "ESA",
        "OpenAI",
        "EleutherAI",
        "LAION",
        "AI2",
        "Allen AI",
        "Mistral AI",
        "JD",
        "Alibaba",
        "Tencent",
        "Baidu",
        "ByteDance",
        "DeepMind",
        "Google",
        "Meta",
        "Anthropic",
        "Microsoft",
        "NVIDIA",
        "Nvidia",
        "Apple",
        "Amazon",
        "IBM",
        "D-Wave",
        "eBay",
        "RunwayML",
        "Runway ML",
        "Stability AI",
        "Pika Labs",
        "Moonshot AI",
        "Zhipu AI",
        # devices, robot arms and legged robots: hardware an experiment runs on
        "iPhone",
        "iPhones",
        "iPad",
        "iPads",
        "MacBook",
        "UR5",
        "UR5e",
        "UR10",
        "WidowX",
        "xArm",
        "xArm6",
        "xArm7",
        "Kinova",
        "Sawyer",
        "Baxter",
        "Franka",
        "ALOHA",
        "ANYmal",
        "ANYmal-B",
        "ANYmal-C",
        "ANYmal-D",
        "Cassie",
        "Unitree",
        "Go1",
        "Go2",
        "Raspberry",
        # funding bodies and government agencies
        "NIH",
        "NSF",
        "NSFC",
        "ONR",
        "AFOSR",
        "NASA",
        "NBA",
        # weather centres
        "ECMWF",
        "DARPA",
        "NOAA",
        "FDA",
        "EPSRC",
        "NSERC",
        "DFG",
        "JSPS",
        "Baidu",
        "Alibaba",
        "Tencent",
        "ByteDance",
        "Huawei",
        # chip and device makers ("2x faster on NVIDIA and AMD GPUs")
        "AMD",
        "Intel",
        "Qualcomm",
        "ARM",
        "Samsung",
        "Sony",
        "Adobe",
        "Salesforce",
        "HuggingFace",
        "GitHub",
        "GitLab",
        "AI4Bharat",
        "BigCode",
        "LUMI",
        "arXiv",
        "OpenReview",
        "NeurIPS",
        "ICML",
        "ICLR",
        "ACL",
        "EMNLP",
        "NAACL",
        "CVPR",
        "ICCV",
        "ECCV",
        "AAAI",
        "IJCAI",
        "KDD",
        "SIGIR",
        "WWW",
        "COLING",
        "MIT",
        "CMU",
        "UC",
        "Stanford",
        "Berkeley",
        "YouTube",
        "Reddit",
        "Twitter",
        "StackOverflow",
        "LinkedIn",
        "MTurk",
        "AMT",
        "Facebook",
        "WhatsApp",
        "Telegram",
        "WeChat",
        "xAI",
        # database engines that run the queries of text-to-SQL
        "PostgreSQL",
        "SQLite",
        "MySQL",
        # platforms that host competitions and leaderboards
        "AIcrowd",
        "AICrowd",
        "CodaLab",
        "Codalab",
        "EvalAI",
        # societies, publishers, venues and journals
        "IEEE",
        "ACM",
        "PMLR",
        "JMLR",
        "W&CP",
        "TACL",
        "TPAMI",
        "IJCV",
        "AISTATS",
        "UAI",
        "ICASSP",
        "INTERSPEECH",
        "Interspeech",
        "ASRU",
        "ICRA",
        "IROS",
        "CoRL",
        "ICDM",
        "WSDM",
        "CIKM",
        "EACL",
        # software that runs the methods: named, but a tool, not a method, model or dataset
        "Matplotlib",
        "PhysX",
        "LangGraph",
        "FuxiCTR",
        "RecBole",
        "LeRobot",
        "BrowserGym",
        "GFN2-xTB",
        "MMDetection",
        "Detectron2",
        "MMRotate",
        "FFmpeg",
        "GeForce",
        "Snapdragon",
        "ETH",
        "FAIR",
        "FLIR",
        "UNESCO",
        "Stan",
        "PyMC",
        "PyMC3",
        "NumPyro",
        "BoTorch",
        "GPyTorch",
        "DGL",
        "gCastle",
        "Optuna",
        "ONNX",
        "DataTrove",
        "ScanCode",
        "SimulEval",
        "TRL",
        "Vega-Lite",
        "Plotly",
        "Seaborn",
        "TransformerLens",
        "nnsight",
        "MONAI",
        "LAMMPS",
        "GROMACS",
        "OpenMM",
        "PyTorch",
        "TensorFlow",
        "Keras",
        "NumPy",
        "SciPy",
        "CUDA",
        "cuDNN",
        "JAX",
        "Theano",
        "Caffe",
        "MXNet",
        "OpenCV",
        "MATLAB",
        "Coq",
        "Isabelle",
        "DeepSpeed",
        "CUTLASS",
        # repositories that host data sets (the data sets have names of their own)
        "PhysioNet",
        "Triton",
        "TensorRT",
        "Ollama",
        "LangChain",
        "LlamaIndex",
        "FAISS",
        "Faiss",
        "Elasticsearch",
        "Lucene",
        "Pyserini",
        "Docker",
        "Kubernetes",
        "Slurm",
        "T5X",
        "Megatron-LM",
        "OpenRLHF",
        "PennyLane",
        "Qiskit",
        "RDKit",
        "OpenBabel",
        "TSLib",
        "TikTok",
        "Android",
        # operating systems a GUI agent acts in
        "macOS",
        "iOS",
        "iPadOS",
        "HarmonyOS",
        # parts of the hardware a kernel is written for
        "Tensor Cores",
        "Tensor Core",
        "TMA",
        # office and desktop software an agent is asked to drive
        "Excel",
        "PowerPoint",
        "Photoshop",
        "LibreOffice",
        "Thunderbird",
        "Firefox",
        "Gmail",
        "iOS",
        "EC2",
        "AWS",
        "Azure",
        "GCP",
        "Hugging Face",
        "Prolific",
        # laboratories and schools known by their short names
        "CSAIL",
        "BAIR",
        "Mila",
        "MILA",
        "KAIST",
        "EPFL",
        "Inria",
        "INRIA",
        "CNRS",
        "HKUST",
        "PolyU",
        # licences
        "CC-BY",
        "CC-BY-SA",
        "CC-BY-NC",
        "CC-BY-NC-SA",
        "CC-BY-ND",
        "CC0",
        "GPL",
        "GPLv2",
        "GPLv3",
        "LGPL",
        # accelerators: hardware the methods run on
        "A100",
        "A100s",
        "H100",
        "H100s",
        "H200",
        "B200",
        "GH200",
        "V100",
        "V100s",
        "P100",
        "K80",
        "A6000",
        "A40",
        "A10",
        "A10G",
        "L4",
        "L40",
        "L40S",
        "T4",
        "Jetson",
        "AGX",
        "Orin",
        "RTX",
        "TPUv2",
        "TPUv3",
        "TPUv4",
        "DGX",
        "TPUv5e",
        "MI250",
        "MI250X",
        "MI300X",
        "MI325X",
        "Gaudi2",
        "Gaudi3",
        "Matlab",
        "Hadoop",
        "MapReduce",
        "LaTeX",
    ]
) | (VENUES - {"CoNLL"})  # a venue is no ML entity ("won at NIPS 2017"), but CoNLL names its data


#: Capitalised words that start sentences or titles and are never names on their own.
GENERIC_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "we",
        "our",
        "it",
        "its",
        "in",
        "on",
        "of",
        "for",
        "with",
        "to",
        "from",
        "by",
        "and",
        "or",
        "but",
        "however",
        "moreover",
        "furthermore",
        "finally",
        "first",
        "second",
        "third",
        "then",
        "thus",
        "therefore",
        "recent",
        "experiments",
        "results",
        "our",
        "towards",
        "toward",
        "beyond",
        "via",
        "using",
        "learning",
        "model",
        "models",
        "method",
        "methods",
        "dataset",
        "datasets",
        "benchmark",
        "benchmarks",
        "data",
        "task",
        "tasks",
        "paper",
        "work",
        "approach",
        "framework",
        "system",
        "systems",
        "study",
        "analysis",
        "table",
        "figure",
        "section",
        "appendix",
        "code",
    ]
)

#: evaluation series whose shared tasks are named by number: "SemEval-2019 Task 6", "n2c2 2018 Track 2"
SHARED_TASK_SERIES = (
    r"(?:SemEval|WMT|CoNLL|BioNLP|TREC|CLEF|NTCIR|IWSLT|GermEval|IberLEF|DSTC|SMM4H|WNUT|n2c2|i2b2|"
    r"BioCreative|MEDIQA|CheckThat|DCASE)"
)
#: a shared task of an evaluation series, by its name
SHARED_TASK = re.compile(rf"^{SHARED_TASK_SERIES}\b.*\b(?:[Tt]ask|Track)\s*\d")

_NAME_TYPE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (SHARED_TASK, "Benchmark"),
    # a measure at a cut-off or threshold: "Acc@0.5IoU", "R@1", "Recall@K"
    (re.compile(r"\w@(?:\d|[kKnN]\b)"), "Metric"),
    (
        # (a language or a subset after it: "GEdit-Bench-EN", "MMBench-CN", "Zorb-Bench-Lite")
        re.compile(
            r"(?:bench(?:mark)?|eval|arena|gym|suite|leaderboard)(?:[-\s]?v?\d+(?:\.\d+)?)?"
            r"(?:-(?-i:EN|ZH|CN|JA|KO|DE|FR|ES|Lite|Hard|Pro|Mini|Verified))?$",
            re.I,
        ),
        "Benchmark",
    ),
    (re.compile(r"(?:QA|VQA|Bench)$"), "Benchmark"),
    # (a lower-case "m" is a model's size in its id: "tiny-coder-350m")
    (
        re.compile(r"(?:corpus|dataset|set|collection|bank|[-\s](?-i:Data))$|[-\s]\d+(?-i:[KMk])$", re.I),
        "Dataset",
    ),
    (
        re.compile(
            r"[-\s.]?\d+(?:\.\d+)?[BMT]\b|[-\s](?:instruct|chat|base|large|small|tiny|mini|xl|xxl|it|hf|coder|math|vl|distill)\b"
            r"|-thinking\b",
            re.I,
        ),
        "Model",
    ),
    # a model family's name inside (as written, or a lower-case id: "llama-3-8b"; not "Clip" of
    # "ClipAdaGrad", nor "phi" of "graphical")
    (
        re.compile(
            r"GPT|LLaMA|Llama|BERT|T5|Qwen|Gemma|Mistral|Phi|Claude|Gemini|LLaVA|CLIP"
            r"|(?<![a-z])(?:gpt|llama|bert|qwen|gemma|mistral|llava)"
            # a name that ends on the class of model it is: "KineVLA", "MedVLM", "FinLLM"
            r"|[A-Za-z](?:VLA|VLM|LLM)$"
        ),
        "Model",
    ),
    # a speech synthesiser, by its name's end: a released system ("ShortcutTTS", "GAN-TTS")
    (re.compile(r"(?:[a-z]|-)TTS$"), "Model"),
    # trained models by their name: "Large Content and Behavior Models", "Plug and Play Language
    # Model" (an architecture called a "Model" is a method: "Attentive Interaction Model")
    (
        re.compile(
            r"^Large (?:[\w\-]+ )+Models?$|^[A-Z][\w\-]*(?: [\w\-]+)* (?:Language|Foundation) Models?$"
            r"|^[A-Z][\w\-]*(?: [\w\-]+)* (?:LLMs?|LMs?)$"
        ),
        "Model",
    ),
    (
        re.compile(
            r"(?:Net|Former|[Tt]ransformer|GAN|VAE|Diffusion|Flow|Attention|Conv|RNN|LSTM|Mixer|"
            r"Network|Perceptron|[Aa]utoencoder)$"
        ),
        "Method",
    ),
    (
        re.compile(
            r"(?:score|rate|ratio|accuracy|error|distance|divergence|regret|perplexity|similarity|correlation|"
            r"coefficient|index|mutual information|likelihood)$",
            re.I,
        ),
        "Metric",
    ),
    # a quality named as a noun is what gets measured: "Faithfulness", "Representativeness of Attribute"
    (re.compile(r"^[A-Z][a-z]+ness(?: of(?: the)? [A-Za-z\-]+)?$"), "Metric"),
    (
        re.compile(
            r"generali[sz]ation$|\b(?:PO)?MDPs?$|Markov (?:Games?|Decision Process(?:es)?)$|Bandits?$", re.I
        ),
        "Task",
    ),
    # a lower-case phrase headed by a task noun: "multilabel classification", "lane detection"
    (
        re.compile(
            r"^[a-z][a-z\-]*(?: [a-z][a-z\-]*)* (?:classification|detection|segmentation|recognition|"
            r"prediction|estimation|retrieval|tracking|parsing|tagging|summari[sz]ation|translation|"
            r"generation|completion|answering|captioning|forecasting|localization|reconstruction|"
            r"extraction|labell?ing|understanding|reasoning|navigation|manipulation|planning)$"
        ),
        "Task",
    ),
)


@lru_cache(maxsize=1 << 16)
def type_from_name(name: str) -> str | None:
    """The type a name's own shape suggests, if any."""
    for pattern, type_ in _NAME_TYPE_RULES:
        if pattern.search(name):
            return type_
    return None


#: words that may follow a noun ("the X challenge in 2019"), where any other lower-case word
#: makes it a verb ("X challenge boosted trees")
_NOT_VERB_OBJECT = "in|on|at|of|and|or|for|with|to|from|by|is|was|are|were|has|have|had|which|that|where"

#: words after "scores" that make it the verb ("X scores higher", "X scores the answers")
SCORE_VERB_NEXT = (
    "higher|lower|well|best|above|below|better|worse|only|about|around|up|poorly|highly|"
    "the|a|an|each|every|all|its|their|them|it|candidate|responses|answers"
)
_AFTER_NOUNS = (
    (
        r"benchmarks?|leaderboards?|test[- ]?sets?|suites?|arena|environments?|simulators?|evaluations?|"
        # ("the X probe set", "the X challenge set", "the X test suite")
        r"splits?|subsets?|(?:probe|challenge|eval|diagnostic)\s+sets?|test\s+suites?|"
        # a competition held on data ("the BraTS challenge", "the BUCC 2017 shared task"), but not
        # the verb: "TabPFN and CARTE challenge boosted trees"
        r"shared\s+tasks?|challenges?(?!\s+(?!(?:" + _NOT_VERB_OBJECT + r")\b)[a-z])|"
        r"average\s+(?:score\s+)?(?:of|over|across)\s",  # "the CORE average of 22 tasks"
        "Benchmark",
    ),
    # ("the FIGER type hierarchy", "the X knowledge base": a resource of data)
    (
        r"datasets?|corpus|corpora|data ?sets?|collections?|database|(?:type\s+)?hierarch(?:y|ies)|"
        r"ontolog(?:y|ies)|taxonom(?:y|ies)|knowledge\s+(?:bases?|graphs?)|lexicons?|treebanks?",
        "Dataset",
    ),
    # ("X Technical Report", "X System Card": a release of models; not "series": "Neumann series")
    (r"models?|checkpoints?|agents?|LLMs?|chatbots?|technical\s+report|system\s+card|model\s+card", "Model"),
    (
        r"algorithms?|methods?|frameworks?|approach|techniques?|losse?s?|optimi[sz]ers?|architectures?|"
        r"objectives?|procedures?|strategy|layers?|modules?",
        "Method",
    ),
    # "the BLEU score", not the verb: "X scores 84.3", "X scores higher", "X scores the drafts"
    (
        # ("the scTM score above 0.8": a singular "score" is the noun unless a number follows)
        rf"score(?!s)(?!\s+[-+\d])|scores(?!\s+(?:[-+\d]|(?:{SCORE_VERB_NEXT})\b))"
        r"|metrics?|measures?",
        "Metric",
    ),
    (r"tasks?|problems?", "Task"),
)
#: "X benchmark", ", a dataset", "- models", "X (XB) task": the noun right after a name, past
#: a short bracket such as the name's acronym (the first group wins)
_AFTER_TYPE = re.compile(
    # (past a language pair too: "the ASCEND Mandarin-English corpus")
    r"^[\s,]*(?:\([^()]{1,20}\)\s*)?(?:-\s*)?(?:(?-i:[A-Z][a-z]+-[A-Z][a-z]+)\s+)?(?:"
    + "|".join(f"(?P<{type_}>{nouns})" for nouns, type_ in _AFTER_NOUNS)
    + r")\b",
    re.I,
)
#: a count of what a name holds right after it: " comprises 14,600 images", " contains over 2M pairs"
_HOLDS_COUNT_AFTER = re.compile(
    r"\s+(?:comprises|contains|consists\s+of|includes|holds)\s+(?:over\s+|more\s+than\s+|nearly\s+|about\s+|"
    r"roughly\s+|some\s+)?\d[\d,.]*\s*(?:[kKmMbB]\b|thousand|million|billion)?"
)
#: what the paper curates or collects is data: "We curate X", "we also collect X"
_CURATED_BEFORE = re.compile(r"\b[Ww]e\s+(?:also\s+|further\s+|first\s+)?(?:curate|collect|crawl|scrape)\s+$")
#: "data" right after a name
_DATA_AFTER = re.compile(r" data(?![\w\-])")
#: a task word between a name and the data noun: "the VireoFood-172 classification benchmark",
#: "the X segmentation dataset" (not training words: "the X pretraining corpus" names a model's data)
_AFTER_TASK_DATA = re.compile(
    r"^\s+(?!(?:pre-?)?training\b|fine-?tuning\b|finetuning\b|tuning\b)"
    r"(?:[a-z][a-z\-]*(?:tion|ing|sis)|QA|VQA)\s+"
    r"(?:(?P<Benchmark>benchmarks?|leaderboards?|suites?|test[- ]?sets?)|(?P<Dataset>datasets?|corpus|corpora))\b"
)
#: a sentence that opens on training something and says what it makes
_TRAINING_MAKES = re.compile(
    r"^\s*(?:[\w\-]+\s+)?(?:fine-?tuning|tuning|training|pre-?training|post-?training|distill?ing)\b"
    r"[^.;]{1,120}?\s"
    r"(?:yields|produces|results\s+in)\s+$",
    re.I,
)


_BEFORE_TYPE = (
    (
        re.compile(
            r"\b(?:evaluat\w*|benchmark\w*|test\w*|experiments?|results?|performance|accuracy|scores?)\s+(?:\w+\s+){0,3}(?:on|in)\s+(?:the\s+)?(?:challenging\s+)?$",
            re.I,
        ),
        "Benchmark",
    ),
    (
        re.compile(
            r"\b(?:trained|pre-?trained|fine-?tuned|finetuned)\s+(?:\w+\s+){0,2}on\s+(?:the\s+)?$", re.I
        ),
        "Dataset",
    ),
    (re.compile(r"\b(?:models?|LLMs?)\s+(?:such as|like|including)\s+$", re.I), "Model"),
    # "Fine-tuning A on B yields X": what the paper's training makes is a model
    (_TRAINING_MAKES, "Model"),
    # "we pretrain scFM-100M on 33 million cells": what the paper trains is a model
    (
        re.compile(r"\bwe\s+(?:also\s+|first\s+|then\s+)?(?:pre-?train|train|fine-?tune|finetune)\s+$", re.I),
        "Model",
    ),
    # "measured by fraction of variance unexplained (FVU)": what a result is measured by
    (re.compile(r"\b(?:measured|quantified)\s+(?:by|with|via|using)\s+(?:the\s+)?$", re.I), "Metric"),
    # "annotated cells from X", "images drawn from X": where data come from is a data set
    (
        re.compile(
            r"\b(?:data|images|videos|clips|documents|sentences|questions|problems|annotations|"
            r"recordings|cells|scans|dialogues|conversations|articles|tweets|posts|reviews|trajectories|"
            r"demonstrations|episodes)\s+"
            r"(?:(?:drawn|taken|sampled|collected|sourced|mined)\s+)?from\s+(?:the\s+)?$"
            # "the 3D turbulence data of JHTDB", "non-IID splits of FLAN"
            r"|\b(?:data|images|videos|recordings|scans|trajectories|splits?)\s+of\s+(?:the\s+)?$",
            re.I,
        ),
        "Dataset",
    ),
    # "we assembled 106 medical datasets to create X": what is made of data sets is one
    (
        re.compile(
            r"\b(?:data ?sets|corpora)\b[^.;]{0,40}?\bto\s+(?:create|build|form|construct|assemble|compile)\s+"
            r"(?:the\s+|an?\s+|our\s+)?$",
            re.I,
        ),
        "Dataset",
    ),
    (
        re.compile(
            r"\b(?:outperforms?|surpass\w*|beats?)\s+(?:strong\s+)?(?:baselines?\s+)?(?:such as\s+|like\s+|including\s+)?$",
            re.I,
        ),
        "Model",
    ),
)


_APPOSITIVE_NOUNS = (
    (
        r"benchmarks?|leaderboards?|test[- ]?(?:sets?|suites?|beds?)|evaluation (?:frameworks?|suites?|"
        r"protocols?|environments?|sets?)|testbeds?|suites? of \w+ tasks|arena|environments?|simulators?|"
        # "a set of 800 programming problems": a collection of problems is a benchmark
        r"(?:sets?|suites?|collections?) of (?:[\w\-,]+ ){0,3}(?:problems|tasks|questions|prompts|puzzles)|"
        r"evaluations?(?= of\b)|"  # "X: A Holistic Evaluation of Spoken Language Models"
        r"suites?(?! of\b)|"  # "LoCo, a long-document retrieval suite"
        r"(?:test|evaluation|held-out|hard|harder) splits?",  # "a harder test split, EgoMoments-Hard"
        "Benchmark",
    ),
    (
        r"datasets?|corpus|corpora|bitexts?|collections?|data ?sets?|databases?|instruction[- ]sets?",
        "Dataset",
    ),
    (
        r"(?:language |foundation |vision-language |generative |reward )?models?|(?:L|V|ML|LV|S)?LMs?|LMMs?|"
        r"agents?|chatbots?|checkpoints?|assistants?|\d+(?:\.\d+)?[MBT]-param(?:eter)?s?|"
        # "GCoQA, a generative retriever for conversational QA": a trained component is a model
        # (a verifier as a trained model, not a formal verification tool: "a new verifier, X")
        r"retrievers?|re-?rankers?|(?:generative|learned|trained|process|outcome) verifiers?|drafters?|judges?|"
        # "a family of tabular transformers", "a family of multimodal PRMs": trained models of
        # one recipe (a plural acronym ending on M names models, as written: not "platforms")
        r"famil(?:y|ies) of (?:[\w\-.]+ ){0,5}?(?:transformers|networks|encoders|decoders|models|LLMs|(?-i:[A-Z]{1,5}Ms))"
        # "X, a multimodal PRM": a process, outcome or plain reward model
        r"|(?-i:[PO]?RMs?)",
        "Model",
    ),
    (r"metrics?|measures?|scores?", "Metric"),
    (r"tasks?|problems?|settings?|games?|phenomen(?:on|a)", "Task"),
    (
        r"algorithms?|methods?|frameworks?|approach(?:es)?|techniques?|architectures?|losse?s?|objectives?|"
        r"procedures?|strategy|strateg(?:y|ies)|paradigms?|pipelines?|modules?|optimi[sz]ers?|"
        r"schemes?|recipes?|mechanisms?|heuristics?|toolkits?|toolbox(?:es)?|librar(?:y|ies)|baselines?",
        "Method",
    ),
)
#: how an appositive opens, up to its article: a cheap test before the full pattern below
_APPOSITIVE_OPENING = (
    r"^\s*(?:\([^)]*\)\s*)?(?:,|:|—|–|-{1,2})?\s*(?:which is\s+|is\s+|as\s+)?(?:currently\s+|arguably\s+)?"
    r"(?:a|an|the|our)\s+"
)
_APPOSITIVE_OPENS = re.compile(_APPOSITIVE_OPENING, re.I)
_APPOSITIVE = re.compile(
    _APPOSITIVE_OPENING
    # a word is taken whole (an atomic group), so a failed search does not try every split of it
    # (not past a relative clause or a preposition: "an automatic evaluation that decomposes model
    # outputs" is no model)
    + r"(?:(?!(?:that|which|who|whose|where|when|while|to|on|in|by|from|with|into|via|using|for)\b)"
    # "a 36,000-hour speech corpus", "a ViT-g/14 model", "a vision-language-action (VLA) model"
    + r"(?>[\w\-]+(?:[,./]\d+)*[\w\-]*)(?:\s+\([\w\-]{1,12}\))?\s+){0,4}?(?:"
    + "|".join(f"(?P<{type_}>{nouns})" for nouns, type_ in _APPOSITIVE_NOUNS)
    + r")\b(?!-)",  # the kind is the head noun, not a modifier: "an agent-based pipeline"
    re.I,
)


#: the kinds a list can be introduced by: not a leaderboard or an arena, whose "including A
#: and B" lists what they rank ("the AlpacaEval leaderboard, including Claude 2")
_LISTED_NOUNS = tuple(
    (nouns.replace("leaderboards?|", "").replace("|arena|", "|"), type_) for nouns, type_ in _APPOSITIVE_NOUNS
)
_KIND_NOUNS = "|".join(f"(?P<{type_}>{nouns})" for nouns, type_ in _LISTED_NOUNS)
#: a clause of its own opening after a comma: "On the AutoML Benchmark, it beats ..."
_OWN_CLAUSE_WORDS = r",\s+(?:it|we|they|our|this|these|which)\s"
#: "datasets such as X", "5 benchmarks (X", "a score, dubbed X", "naming the model X"
_KIND_BEFORE = re.compile(
    rf"\b(?:{_KIND_NOUNS})(?:"
    # (not past a clause of its own: "On the AutoML Benchmark, it beats trees such as X")
    rf"(?:(?!{_OWN_CLAUSE_WORDS})(?:[^.;()]|\([^.;()]{{1,12}}\))){{0,60}}?"
    r"\b(?:such as|like|including|e\.g\.,?|i\.e\.,?)"
    r"|,?\s+(?:called|dubbed|named|termed|coined|denoted\s+as)"
    # "a new set of post-cutoff questions we call X"
    r"|,?\s+(?:that\s+|which\s+)?we\s+(?:call|name|term|dub)"
    r")\s*[\"“']?$"
    # "naming the model X", "... and call the collection X", "we call this model the X"
    r"|\b(?:naming|(?:we|and)\s+(?:call|name|dub|term))\s+(?:the|our|this)\s+(?:[\w\-]+\s+)?"
    rf"(?:{_KIND_NOUNS.replace('?P<', '?P<x')})\s+(?:the\s+)?$"
    # "... and release our corruption suite as X"
    r"|\b(?:release|publish|open-source)[sd]?\s+(?:our|the|this|these|all)\s+(?:[\w\-]+\s+){0,2}"
    rf"(?:{_KIND_NOUNS.replace('?P<', '?P<r')})\s+as\s+$"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|various|following)\s+"
    rf"(?:[\w\-]+\s+)?(?:{_KIND_NOUNS.replace('?P<', '?P<y')})\s*\((?:e\.g\.,?\s*)?$",
    re.I,
)


#: a kind noun right before the bracket a name is written in: "a new benchmark (FooQA)"
_KIND_BRACKET_BEFORE = re.compile(
    rf"\b(?:an?|the|our)\s+(?:[\w\-.]+\s+){{0,3}}(?:{_KIND_NOUNS.replace('?P<', '?P<b')})\s*\($", re.I
)

_QUOTES = "\"“'"
#: the verbs of "... and call the collection X", which ends on no tail below
_NAMING_VERBS = ("call", "name", "dub", "term")
#: ... as the pattern writes them: "and call", "we name"
_NAMING_VERB = re.compile(r"\b(?:we|and)\s+(?:call|name|dub|term)\s")
#: every way ``_KIND_BEFORE`` can end, once a closing quote and spaces are taken off
_KIND_TAILS = (
    "such as",
    "like",
    "including",
    "e.g.",
    "e.g.,",
    "i.e.",
    "i.e.,",
    "called",
    "dubbed",
    "named",
    "termed",
    "coined",
    "hereafter",
    "henceforth",
    "denoted as",
    "(",
    "we call",
    "we name",
    "we term",
    "we dub",
    " as",  # "release our suite as X"
)


_COUNT_WORDS = (
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|various|following|"
    r"popular|standard|common|diverse|widely[- ]used"
)
#: what opens a list: a bracket, or "such as", "including", "like", "e.g."
_LIST_OPENER = re.compile(
    r"\(\s*(?:e\.g\.,?\s*|including\s+)?|\b(?:such as|including|like|e\.g\.,?|i\.e\.,?)\s+[\"“']?"
    # after a counted kind, a comma or a colon: "two benchmarks, NanoCraft and long-hand addition"
    r"|[,:]\s+(?=[\"“']?(?-i:[A-Z]))",
    re.I,
)
#: before a bracket: "five benchmarks", "several public datasets"
_COUNTED_KIND = re.compile(
    # (a count is a word of its own: the "1000" of "ImageNet-1000 train dataset" counts nothing)
    rf"(?<![\w\-.])(?:{_COUNT_WORDS})\s+(?:[\w\-]+\s+){{0,4}}?(?:{_KIND_NOUNS.replace('?P<', '?P<n')})\s*$",
    re.I,
)
#: before "such as": "datasets", "tasks,", "datasets on compositional generalization," (the last
#: kind noun wins: the greedy start skips the earlier ones)
#: (the kind noun is a whole word: "measured on captures such as LLFF" names no measures)
_KIND_SUCH = re.compile(
    rf"^.*\b(?:{_KIND_NOUNS.replace('?P<', '?P<s')})\b[^.;()]{{0,60}}?,?\s+$", re.I | re.S
)
#: the next phrase of an enumeration between a kind and a list: ", and downstream performance in"
_NEXT_ITEM = re.compile(r",\s+(?:and|or)\s")
#: a clause of its own between a kind and its list: "On the AutoML Benchmark, it beats trees such as X"
_OWN_CLAUSE = re.compile(_OWN_CLAUSE_WORDS)


def kind_such(window: str) -> re.Match[str] | None:
    """The kind named before a list's "such as" (or "including", "like") at the end of
    ``window``, unless a clause of its own stands between them.

    >>> kind_such("datasets on parsing, such as ").lastgroup, kind_such("the Zorb Benchmark, it beats trees such as ")
    ('sDataset', None)
    >>> kind_such("We benchmark eleven detectors, including ") is None
    True
    >>> kind_such("measured by ABX error rate, and downstream performance in systems such as ") is None
    True
    """
    kind = _KIND_SUCH.search(window)
    if kind is not None and _OWN_CLAUSE.search(window, kind.end(kind.lastgroup)):
        return None
    if kind is not None and _NEXT_ITEM.search(window, kind.end(kind.lastgroup)):
        return None  # another phrase of a list: "by ABX error rate, and performance in systems such as"
    if kind is not None and window[
        max(0, kind.start(kind.lastgroup) - 3) : kind.start(kind.lastgroup)
    ].lower() in (
        "we ",
        "to ",
    ):
        return None  # the verb: "We benchmark eleven detectors, including X"
    return kind


#: the last word of every kind noun above, so that a cheap look at the word before an
#: opener decides whether the (slow, end-anchored) searches can match at all
_KIND_LAST_WORDS = frozenset(
    form
    for word in [
        "benchmark", "leaderboard", "set", "suite", "bed", "testbed", "framework", "protocol",
        "environment", "task", "arena", "dataset", "collection", "model", "llm", "agent", "chatbot",
        "checkpoint", "assistant", "metric", "measure", "score", "problem", "setting", "game",
        "algorithm", "method", "technique", "architecture", "objective", "procedure", "paradigm",
        "pipeline", "module", "optimizer", "optimiser", "simulator", "split", "evaluation", "lm", "vlm",
        "mlm", "lvlm", "slm", "lmm", "retriever", "reranker", "re-ranker", "verifier", "drafter", "judge",
        "param", "parameter", "transformer", "network", "encoder", "decoder", "scheme", "recipe",
        "mechanism", "heuristic", "toolkit", "baseline", "phenomenon",
    ]
    for form in (word, word + "s")
) | {"corpus", "corpora", "database", "approach", "loss", "losse", "losses", "losss", "strategy", "strategies",
     "phenomena", "family", "families", "toolbox", "toolboxes", "library", "libraries"}  # fmt: skip


def _last_word(text: str) -> str:
    """The run of letters and digits that ends ``text`` (trailing spaces and one comma off)."""
    text = text.rstrip()
    text = text[:-1].rstrip() if text.endswith(",") else text
    start = len(text)
    while start and text[start - 1].isalnum():
        start -= 1
    return text[start:]


_OPENER_WORDS = ("(", "such as", "including", "like", "e.g.", "i.e.", ", ", ": ")


def _list_openers(text: str) -> list[re.Match[str]]:
    """``_LIST_OPENER.finditer(text)``, but trying the pattern only where one of its first
    words stands (found with ``str.find``, much faster than the regex scanning every position)."""
    if not text.isascii():  # re.I lets some other letters stand for ASCII ones
        return list(_LIST_OPENER.finditer(text))
    lower = text.lower()
    starts = set()
    for word in _OPENER_WORDS:
        at = lower.find(word)
        while at >= 0:
            starts.add(at)
            at = lower.find(word, at + 1)
    openers, done = [], 0
    for at in sorted(starts):
        if at < done:
            continue
        opener = _LIST_OPENER.match(text, at)
        if opener is not None:
            openers.append(opener)
            done = max(opener.end(), at + 1)
    return openers


def kind_lists(text: str) -> list[tuple[int, str]]:
    """Where a list of things the text names as one kind starts, with that kind.

    An enumeration under a plural kind noun says what every item is in this paper, whatever
    the item is elsewhere: in "five benchmarks (A, B, Koala)" Koala is a benchmark. Two
    shapes count: a counted kind before a bracket ("five benchmarks (", "several datasets
    (e.g.") and a kind before "such as", "including", "like" or "e.g." (with up to 60
    characters between them: "datasets on compositional generalization, such as").

    >>> kind_lists("We test on 5 benchmarks (AlpacaEval 2.0, FLASK, Koala) and tasks such as QA.")
    [(25, 'Benchmark'), (73, 'Task')]
    >>> kind_lists("Watermarks for Language Models\\n\\nText watermarks such as KGW fail.")
    []

    A comma or a colon opens a list after a counted kind too:

    >>> kind_lists("We test on two benchmarks, NanoCraft and addition, and on three tasks: QA, MT.")
    [(27, 'Benchmark'), (71, 'Task')]
    >>> kind_lists("Across three tasks, ZorbNet and BERT win; three measures: CLAP embeddings, ...")
    []
    """
    found = []
    for opener in _list_openers(text):
        window = text[max(0, opener.start() - 80) : opener.start()]
        # not past the title: "... Models\n\nText watermarks such as"
        window = window[window.rfind("\n") + 1 :]
        counted = opener.group(0)[0] in "(,:"  # a bracket, comma or colon needs a counted kind before it
        if counted and window.isascii() and _last_word(window).lower() not in _KIND_LAST_WORDS:
            continue  # brackets are common: look at the word before one before searching
        kind = _COUNTED_KIND.search(window) if counted else kind_such(window)
        if kind and opener.group(0)[0] in ",:" and not _LISTED_AFTER_COMMA.match(text, opener.end()):
            continue  # "With 200 demonstrations per task, X wins": the subject, not a list
        if kind and opener.group(0)[0] == "," and _opening_phrase(window[: kind.start()]):
            continue  # "Across three tasks, X and Y win": the subjects after an opening phrase
        if kind:
            found.append((opener.end(), kind.lastgroup[1:]))
    return found


#: a first name that a list goes on from: "NanoCraft and ...", "MNIST, ...", "A (2019), ..."
#: (not a sentence's subject: "With 200 demonstrations per task, GraspVLA-Lite reaches ...")
_LISTED_AFTER_COMMA = re.compile(
    r"[\"“']?[A-Z][\w\-.'’]*(?:\s+[A-Z0-9][\w\-.'’]*){0,3}[\"”']?(?:\s*\([^()]{0,30}\))?(?:,\s|\s+(?:and|or)\s)"
)


def _opening_phrase(before_count: str) -> bool:
    """Whether the words before a counted kind open their sentence with at most a preposition:
    "Across" in "Across three tasks, X wins" (not "We test on" in "We test on two benchmarks, A")."""
    sentence = before_count[before_count.rfind(". ") + 1 :]
    return len(sentence.split()) < 2


#: the kind a name is set beside, at a sentence's or a clause's start or after the verb of "we":
#: "Our benchmark, X, pairs ...", "On A, our model, X, ...", "we propose a new dataset, X, that
#: ...", "..., and train a reward model, X" (not "On the benchmark, X")
_KIND_APPOSED = re.compile(
    # (or after a preposition: "using a controlled biography dataset, bioS, ...")
    r"(?:^|[.;:,]\s+|\b(?:and|or|using|with|from|on|via|in|into|of|by)\s+|\b(?:we|and)\s+(?:\w+\s+)?\w+\s+"
    r"|\b(?:introduce|propose|present|define|release)s?\s+)"
    # "..., and introduce a score, X"; "The resulting dataset, X, ..."
    r"(?:an?|our|the\s+(?:resulting|final))\s+"
    # ("we propose an extension of the MS-COCO dataset, FOIL-COCO, which ...")
    r"(?:(?:extension|variant|version|subset|expansion)\s+of\s+the\s+)?"
    r"(?:(?:new|novel|first|own|proposed)\s+)?"
    # ("a 2,400-example dataset, PersuadeHarm": a number may carry its thousands' commas)
    rf"(?:[\w\-]+(?:\.\d+\w*|(?:,\d{{3}})+[\w\-]*)?\s+){{0,2}}(?:{_KIND_NOUNS.replace('?P<', '?P<z')})\s*,\s*$",
    re.I,
)


def _kind_before(before: str) -> str | None:
    if before.rstrip().endswith(","):
        apposed = _KIND_APPOSED.search(before, max(0, len(before) - 80))
        if apposed:
            return apposed.lastgroup[1:]
    window = before[-100:]
    tail = window[:-1] if window[-1:] in _QUOTES else window
    lower = window.lower()
    if (
        window.isascii()
        and not tail.rstrip().lower().endswith(_KIND_TAILS)
        and "naming" not in lower
        and not (_has(lower, 100, _NAMING_VERBS) and _NAMING_VERB.search(lower) is not None)
    ):
        return None  # none of the pattern's endings: skip the (slow, end-anchored) search
    return kind_before_match(window)


def kind_before_match(window: str) -> str | None:
    """The kind :data:`_KIND_BEFORE` finds at the end of ``window``, unless its noun is the
    last word of a capitalised name ("the Continuous Matrix Space Model, which we call X").

    >>> kind_before_match("a new model, which we call "), kind_before_match("the Matrix Space Model, which we call ")
    ('Model', None)
    >>> kind_before_match("We benchmark eleven detectors, including ")
    """
    match = _KIND_BEFORE.search(window)
    if match is None:
        return None
    noun_start = match.start(match.lastgroup)
    if window[max(0, noun_start - 3) : noun_start].lower() in ("we ", "to "):
        return None  # the verb: "We benchmark eleven detectors, including X", "to benchmark A and B"
    if window[noun_start].isupper() and _CAPITALISED_BEFORE.search(
        window, max(0, noun_start - 30), noun_start
    ):
        return None
    return match.lastgroup.lstrip("xyr")


#: a capitalised word right before a kind noun, which is then the end of a name ("the Matrix
#: Space Model"; unlike assemble's ``_CAPITAL_BEFORE``, not a size: "a 7B LLM called Janus")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w\-]*\s+$")


#: a data noun right before a name, after an article or "our" and up to two words
_DATA_NOUN_BEFORE = re.compile(
    # (the words between hold no name: in "On the Atari 100k benchmark LatentCon reaches ...", the
    # noun ends the name before it)
    r"\b(?:our|the|a|an)\s+(?:(?![\w\-]*(?-i:[A-Z0-9]))[\w\-]+\s+){0,3}"
    r"(?:(?P<Dataset>dataset|corpus)|(?P<Benchmark>benchmark|suite))\s+$"
    # "we release the translated preferences as X"
    r"|\brelease[sd]?\s+(?:the|our)\s+(?:[\w\-]+\s+){0,3}(?P<Dataset3>data(?:sets?)?|corpus|corpora|"
    r"preferences|annotations|pairs|trajectories|examples|samples|labels|dialogues|conversations)\s+as\s+$"
    # "training with our counter-hint data, X, halves ..."
    r"|\bour\s+(?:[\w\-]+\s+){0,2}(?P<Dataset5>data),\s+$"
    # "fine-tuned on this data, which we release as X"
    r"|\b(?P<Dataset4>data(?:sets?)?|corpus|corpora|conversations|dialogues|pairs),\s+which\s+we\s+"
    r"(?:also\s+)?release\s+as\s+$"
    # "a new Korean web corpus, KoWeb-3T"
    r"|\ban?\s+new\s+(?:[\w\-]+\s+){0,3}(?:(?P<Dataset2>dataset|corpus)|(?P<Benchmark2>benchmark|suite)),\s+$",
    re.I,
)
#: the last words :data:`_DATA_NOUN_BEFORE` can end on, case-folded and before the spaces
_DATA_NOUN_ENDS = ("dataset", "corpus", "benchmark", "suite", "as", "data")


def _data_noun_end(before: str) -> bool:
    """Whether ``before`` can end the way :data:`_DATA_NOUN_BEFORE` needs (a cheap test)."""
    if not before[-1:].isspace():
        return False
    tail = before.rstrip()
    if tail.endswith(","):  # "a new Korean web corpus, X"
        tail = tail[:-1].rstrip()
    return tail[-10:].lower().endswith(_DATA_NOUN_ENDS)


#: a verb of giving or training, whose object a paper makes its own when an appositive says
#: what it is: "we provide Generic COG (gCOG), a configurable benchmark", "we pretrain Falconet,
#: a family of open LMs" (a known name trained so is only used: see kg.nlp.assemble)
_PROVIDE_BEFORE = re.compile(
    r"\bwe\s+(?:\w+\s+|[^.;]{0,100}?\band\s+)?(?:provide|offer|open-source|share|train|pre-?train|implement)(?:[sd]|ed)?"
    r"\s+(?:the\s+)?$",
    re.I,
)


_RESULTING_BEFORE = re.compile(r"\b(?:the|our)\s+resulting\s+$", re.I)


def enumerated_contribution(before: str, after: str) -> bool:
    """Whether a name is an item of an enumerated list of what the paper contributes, said
    by an appositive or a colon: "Our contributions are threefold: (1) X, a coarsening
    method; (2) ...", "We propose (i) X, a regularizer, and (ii) ...".

    >>> enumerated_contribution("Our contributions are: (1) ", ", a new loss; (2) ...")
    True
    >>> enumerated_contribution("We evaluate on (1) ", ", a math benchmark, and (2) ...")
    False
    """
    return (
        before.endswith((") ", ")"))
        and _ENUMERATOR_BEFORE.search(before[-8:]) is not None
        and _DESCRIBED_ITEM_AFTER.match(after) is not None
        and _CONTRIBUTION_OPENING.search(before[-400:]) is not None
    )


#: a sentence opening on the first (second, ...) of several, maybe with its kind noun: "The
#: first, ", "The second enhancement, ", "Our first method, "
_ORDINAL_ITEM_OPENING = re.compile(
    r"^\s*(?:The|Our)\s+(?:first|second|third|fourth|fifth|last|latter|former)(?:\s+[a-z][a-z\-]+){0,2},\s+$"
)
#: a sentence of the paper giving a count of new things: "We introduce two methods.", "We
#: present two novel enhancements of an online ... algorithm"
_PROPOSES_SEVERAL = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise)s?\s+"
    r"(?:two|three|four|five|several)\s+(?:[a-z][\w\-]*\s+){0,3}?"
    r"(?:methods?|approaches|models|algorithms|techniques|variants|versions|extensions|enhancements|"
    r"metrics|measures|benchmarks|datasets|frameworks|architectures|strategies|losses|estimators|schemes)\b"
)


def ordinal_of_proposed(before: str, earlier: str) -> bool:
    """Whether a name opens a sentence as the first (second, ...) of several new things that an
    earlier sentence counts: "We introduce two methods. The first, X, measures ...".

    ``before`` is the name's sentence up to the name, ``earlier`` the text before that sentence
    (its last 700 characters are read).

    >>> ordinal_of_proposed("The second enhancement, ", "We present two novel enhancements of IWAL. ")
    True
    >>> ordinal_of_proposed("The first, ", "Prior work used two methods. ")
    False
    """
    return (
        _ORDINAL_ITEM_OPENING.match(before) is not None
        and _PROPOSES_SEVERAL.search(earlier[-700:]) is not None
    )


#: a name after "namely" (or "i.e.") or a later item of the list it opens, past earlier
#: names with their short forms: ", namely X (A) and ", ", i.e. " (not ", i.e., the joint task
#: of content selection and ")
_NAMELY_ITEM_BEFORE = re.compile(
    # (an item holds no comma nor " and ", so that a list splits into its items one way only)
    r"(?:,\s*|\s)(?:namely|i\.e\.,?)\s+"
    r"(?:[A-Z](?:(?!\sand\s)[^.;:(),]){0,80}(?:\s*\([^()]{1,20}\))?(?:,\s*(?:and\s+)?|\s+and\s+)){0,4}$"
)
#: the paper's verb of proposing, not "we propose to (do)", with no results in between
_PROPOSING_CLAUSE = re.compile(
    r"\b(?:[Ww]e|[Tt]his\s+(?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|devise)[sd]?\b"
    r"(?!\s+to\b)(?![^.;:]*\b(?:results?|experiments?|analys[ie]s|evaluations?)\b)"
)


def named_in_proposal(before: str) -> bool:
    """Whether a name follows "namely" (or "i.e.") in a sentence where the paper proposes
    something, as the first item or a later one: "we propose two new methods to improve the
    transferability of adversarial examples, namely X (A) and Y (B)".

    >>> named_in_proposal("We propose two methods to improve transfer, namely X (A) and ")
    True
    >>> named_in_proposal("We propose to simulate roll-outs with recent models, namely ")
    False
    """
    if "namely" not in before and "i.e." not in before:
        return False
    item = _NAMELY_ITEM_BEFORE.search(before, max(0, len(before) - 400))
    return item is not None and _PROPOSING_CLAUSE.search(before, 0, item.start()) is not None


def made_by_training(before: str, after: str) -> bool:
    """Whether a name is what a sentence opening on the paper's training makes: "Fine-tuning
    A on 5k trajectories yields X, which resolves ..." (the name ends its phrase: "yields X
    gains" names no new thing).

    >>> made_by_training("Fine-tuning A on our data yields ", ", which wins.")
    True
    >>> made_by_training("Training on A yields ", " gains.")
    False
    """
    return (
        before.endswith(("yields ", "produces ", "results in "))
        and _NAME_ENDS_AFTER.match(after) is not None
        and _TRAINING_MAKES.search(_clause(before)[0]) is not None
    )


#: what may follow a name that ends its noun phrase
_NAME_ENDS_AFTER = re.compile(
    r"\s*(?:[,(.;:]|$|\s+(?:which|that|with|and|as|for|on|in|to|achieves|reaches)\b)"
)


#: an enumerator before a list item: "(1) ", "(ii) ", "(b) ", "2) "
_ENUMERATOR_BEFORE = re.compile(
    r"(?:^|[\s:;,])(?:\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|(?:\d{1,2}|[ivx]{1,4})\))\s?$"
)
#: what an item says about its name: an appositive or a colon ("X, a regularizer", "X: a ...")
_DESCRIBED_ITEM_AFTER = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:,\s*(?:an?|the|which|that)\b|:\s)")
#: words that open a list of the paper's own contributions
_CONTRIBUTION_OPENING = re.compile(
    r"\bcontributions?\b|\b(?:we|this\s+(?:paper|work|study))\s+(?:\w+\s+)?"
    r"(?:propose|introduce|present|develop|release|design|build|construct|contribute)[sd]?\b",
    re.I,
)
#: what follows a name the paper writes as its own ("our X"): the short form it defines there
#: ("our length-debiased objective (LD-BT)"), or the kind of thing it is ("our ProsodyInstruct
#: data"); a known name so written is only used (see kg.nlp.assemble)
_OWN_NAMED_AFTER = re.compile(
    r"\s*\([A-Za-z][\w\-]{0,14}\)"
    r"|\s+(?:[a-z][\w\-]*\s+)?(?:data|dataset|corpus|benchmark|suite|method|model|objective|loss|framework|"
    r"approach|algorithm|architecture|agent|policy|recipe|pipeline)s?\b(?![\-])"
)


def appositive_kind(after: str) -> str | None:
    """The kind an appositive after a name gives it: ", a configurable benchmark" is a Benchmark.

    >>> appositive_kind(" (gCOG), a configurable benchmark with splits"), appositive_kind(" with care")
    ('Benchmark', None)
    >>> appositive_kind(", 4,200 agent trajectories annotated with causes"), appositive_kind(", 42 times faster")
    ('Dataset', None)
    >>> appositive_kind(", a set of 6,000 synthetic image-caption pairs")
    'Dataset'
    >>> appositive_kind(", our model reduces the error"), appositive_kind(", our model for parsing")
    (None, 'Model')
    >>> appositive_kind(", a 3B judge distilled from GPT-4.1"), appositive_kind(", a 2B token mix")
    ('Model', None)
    >>> appositive_kind(", currently the largest motion dataset")
    'Dataset'
    >>> appositive_kind(" and RAVEN, two comprehensive datasets for"), appositive_kind(", two datasets")
    ('Dataset', 'Dataset')
    >>> appositive_kind(" and evaluate on Y, two datasets"), appositive_kind(", two of which")
    (None, None)
    """
    if not _APPOSITIVE_OPENS.match(after):
        if (listed := _LISTED_APPOSITIVE.match(after)) is not None:
            return listed.lastgroup[1:]  # "PGM and RAVEN, two datasets for ...": each of them
        return "Dataset" if _COUNTED_DATA.match(after) else None
    match = _APPOSITIVE.match(after[:120])
    if match is None:
        if _COUNTED_DATA.match(after):
            return "Dataset"
        return "Model" if _SIZED_APPOSITIVE.match(after) else None
    if _OUR_SUBJECT.match(after, match.end()) and " our " in after[: match.end()].lower():
        return None  # "On X, our model reduces the error": the subject of the sentence
    return match.lastgroup


#: a plural appositive after a list of names, read from any name of it: "For PGM and RAVEN, two
#: comprehensive datasets for RPM reasoning, ..." (each name up to two words; not past a verb:
#: "X and evaluate on Y, two datasets" gives X nothing)
_LISTED_APPOSITIVE = re.compile(
    r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?-i:[A-Z0-9])[\w\-.+/]*(?:\s+[\w\-.+/]+)?)*"
    r"\s*(?:\([^)]{1,30}\)\s*)?,\s*(?:two|three|four|five|six)\s+(?:[\w\-]+\s+){0,3}?"
    rf"(?:{_KIND_NOUNS.replace('?P<', '?P<l')})\b(?!-)",
    re.I,
)

#: an appositive that gives a size in parameters, whatever its noun: "X, a 3B judge distilled ..."
#: (not a count of data: "a 2B token mix")
_SIZED_APPOSITIVE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:is\s+|which\s+is\s+)?an?\s+(?:[\w\-]+\s+)?\d+(?:\.\d+)?[BM]\s+"
    r"(?!(?:tokens?|words?|images?|pairs?|examples?|samples?|hours?|parameters?)\b)[a-z]"
)
#: a verb right after "our <kind>": the kind is the subject, no appositive
_OUR_SUBJECT = re.compile(
    r"\s+(?:also\s+|further\s+|consistently\s+)?(?:[a-z]+[^s\W]s|can|could|will|is|was|has)\b"
)
#: an appositive that counts what a data set holds: "X, 4,200 agent trajectories annotated ...",
#: "X, over 2M image-text pairs"
_COUNTED_DATA = re.compile(
    # ("X, comprising 9,800 questions", "X, 120k annotated trajectories")
    r"\s*(?:\([^)]*\)\s*)?,\s*(?:an?\s+(?:new\s+)?(?:set|collection|corpus)\s+of\s+)?"
    r"(?:(?:comprising|containing|consisting\s+of|with|of)\s+)?"
    r"(?:(?:over|about|nearly|roughly|some|around|approximately|more\s+than|up\s+to)\s+)?\d[\d,.]*\s*[KMBkm]?\+?\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:trajector(?:y|ies)|examples|samples|pairs|images|videos|clips|dialogues|"
    r"conversations|annotations|demonstrations|documents|utterances|hours|sentences|instructions|"
    r"transcripts|recordings|episodes|traces|triples|records|comments|reviews|posts|tweets|articles|"
    r"tables|programs|functions|passages|queries|screenshots|frames|molecules|proteins|structures|prompts|"
    r"questions|problems|items|instances)\b"
)


#: a title's description that evaluates something: the name before it is a benchmark
_EVALUATING_AFTER = re.compile(r":\s+(?:Evaluating|Benchmarking)\s+[A-Z]")


def type_from_context(before: str, after: str) -> str | None:
    """The type the words around a name suggest: ``before`` ends where it starts,
    ``after`` starts where it ends (both within its sentence).

    >>> type_from_context("we introduce ", ", a dynamic evaluation framework for LLMs")
    'Benchmark'
    >>> type_from_context("results on ", " and other tasks")
    'Benchmark'
    >>> type_from_context("generated by the 671B ", " model"), type_from_context("data from 671B ", " on")
    ('Model', 'Model')
    >>> type_from_context("", ": Evaluating Long-Context Retrieval across 25 Languages")
    'Benchmark'
    """
    noun = _AFTER_TYPE.match(after) or _AFTER_TASK_DATA.match(after)
    if noun:
        return noun.lastgroup
    if after[:1] == ":" and _EVALUATING_AFTER.match(after):
        return "Benchmark"  # "XL-Haystack: Evaluating Long-Context Retrieval across 25 Languages"
    if (
        before[-1:].isspace()
        and before.rstrip().endswith(("of", "in", "from", "the"))
        and (part := _PART_OF_BEFORE.search(before, max(0, len(before) - 80)))
    ):
        # "Across 812 tasks in X, the agent ...": X stands where its part does
        return type_from_context(before[: part.start()], after)
    if after[:1] == " " and _HOLDS_COUNT_AFTER.match(after):
        return "Dataset"  # "CoralSeg comprises 14,600 underwater images"
    if before.endswith(" ") and _CURATED_BEFORE.search(before[-40:]):
        return "Dataset"  # "We curate NiaS from 4,800 spreadsheets"
    # "our ProsodyInstruct data", "on WMT11 data"; not a short form's: "chain-of-thought (CoT) data"
    if after.startswith(" data") and _DATA_AFTER.match(after) and not before.endswith("("):
        return "Dataset"
    if _data_noun_end(before) and (noun := _DATA_NOUN_BEFORE.search(before[-70:])):
        return noun.lastgroup.rstrip("2345")  # "our synthetic corpus QS-Synth", "the benchmark X"
    if _ends_with_word(before, ("of", "the")) and _TASK_OF.search(before[-60:]):  # "the problem of X"
        return "Task"
    if before[-1:].isspace() and _SIZE_BEFORE.search(before[-16:]):
        return "Model"  # "the 671B R1", "a 7B Foo": a size in parameters before the name
    if _opening_on(before, after) or _value_on(before):  # "On X and Y, ...", "reaches 77.5 on X"
        return "Benchmark"
    appositive = appositive_kind(after)
    if appositive:
        return appositive
    if before.endswith("(") and (bracketed := _KIND_BRACKET_BEFORE.search(before[-80:])):
        # "the Integral Probability Metric (IPM)", "a new benchmark (FooQA)"; "a topic model
        # (TM)" may be a technique as well as a trained model, and says neither
        kind = bracketed.lastgroup[1:]
        if kind != "Model" or not bracketed.group(0).lower().rstrip(" (").endswith(("model", "models")):
            return kind
    if before[-1:].isspace():  # each of these patterns ends in a space
        clause, lower = _clause(before)
        if _has(lower, 80, _BEFORE_TYPE_WORDS):
            for pattern, type_ in _BEFORE_TYPE:
                if pattern.search(clause[-80:]):
                    return type_
    return _kind_before(before)


def _proposed_after(before: str, after: str) -> bool:
    """Whether what follows a name says it is new (", a new benchmark", ", which we propose");
    after a preposition, of the describing words only "new" or "novel" do: "on OpenCompass, a
    comprehensive evaluation" names one the paper uses.

    >>> _proposed_after("We propose ", ", a comprehensive suite."), _proposed_after("Scores on ", ", a comprehensive suite.")
    (True, False)
    """
    found = _PROPOSE_AFTER.search(after[:120])
    if found is None:
        return False
    described = _DESCRIBED_AFTER.match(after) is not None
    return not (described and _MEASURED_IN_BEFORE.search(before[-20:]) and not _NEW_AFTER.match(after))


#: a preposition a name is measured or compared in ("on", "across", "than"; not "leads to X")
_MEASURED_IN_BEFORE = re.compile(r"\b(?:on|in|across|over|against|than|like|unlike|versus|vs\.)\s+$", re.I)
#: ", a comprehensive ...": the describing alternative of :data:`_PROPOSE_AFTER`
_DESCRIBED_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*an?\s")
#: ", a new ..." or ", a novel ...": new even after a preposition
#: ("a novel" as a book is no proposal: "QA from Wikipedia, a novel, or the Web")
_NEW_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*an?\s+(?:new|novel(?!\s*[,.;)]|\s+(?:or|and)\s))\b", re.I)


def called_before(before: str, after: str) -> bool:
    """Whether "called X" (or "dubbed", "named") names a thing others made: "a recent method
    called K-FAC", "the so-called C&W attack", "also called lifelong learning", "a module
    called Relation Network (RN) has been introduced".

    >>> called_before("a recent second-order method called ", "."), called_before("we propose a model called ", ".")
    (True, False)
    >>> called_before("This setting, commonly referred to as ", " (MKL), is popular.")
    True
    """
    if not _CALLED_END.search(before[-30:]):
        return False
    return (
        _PRIOR_BEFORE_CALLED.search(before[-120:]) is not None
        or _INTRODUCED_BEFORE_AFTER.match(after) is not None
    )


def introduced_alongside(before: str, after: str) -> bool:
    """Whether the name is a later artefact of the paper's own sentence of introduction ("We
    introduce FactGap, a metric ..., and the SumFaith-1K dataset"), or a new name the text
    defines right away ("a new Maintainability Index Delta (MID)").

    >>> introduced_alongside("We introduce FactGap, a metric, and the ", " dataset of summaries.")
    True
    >>> introduced_alongside("We track quality with a new ", " (MID) that compares revisions.")
    True
    >>> introduced_alongside("We use BERT and the ", " dataset."), introduced_alongside("a new ", " (2017)")
    (False, False)
    """
    if before.endswith(("the ", "a ", "an ", "new ")) and _ARTEFACT_KIND_AFTER.match(after):
        return _INTRODUCED_EARLIER.search(before[-200:]) is not None
    return (
        before.endswith(("new ", "novel "))
        and _NEW_DEFINED.search(before[-14:]) is not None
        and _SHORT_FORM_AFTER.match(after) is not None
    )


#: a sentence of the paper's own introduction, then a later conjunct: "We introduce A, ..., and the "
_INTRODUCED_EARLIER = re.compile(
    r"\b[Ww]e\s+(?:\w+\s+)?(?:introduce|propose|present|release|contribute|build|construct|curate)\b"
    r"[^.;]{0,160},?\s+and\s+(?:the|an?)\s+(?:new\s+)?$"
)
#: the kind of artefact right after a name: " dataset of ...", " benchmark"
_ARTEFACT_KIND_AFTER = re.compile(r"\s+(?:dataset|benchmark|corpus|suite|metric|model|toolkit|library)s?\b")
_NEW_DEFINED = re.compile(r"\b(?:a|an)\s+(?:new|novel)\s+$")
#: a short form the text defines right after a name: " (MID)"
#: (where the noun phrase ends, or its kind noun follows: not "a new zeroth-order (ZO) stochastic
#: algorithm", where the name is a modifier)
_SHORT_FORM_AFTER = re.compile(
    r"\s*\([A-Z][\w\-]{0,10}\)(?=\s*[,.;:)]|\s+(?:that|which|to|for|with|in|on|is|are|module|method|model|"
    r"loss|layer|framework|algorithm|metric|measure|score|network|architecture|block|mechanism)\b)"
)


#: parts of a named kind put into something: " adapters into the blocks", " layers to each head"
_PARTS_INSERTED_AFTER = re.compile(
    r"\s+(?:adapters?|layers?|modules?|blocks?|heads?|weights?|tokens?|units?)\s+(?:into|to|in|at)\b"
)
#: a citation right after a name: " (Smith and Eisner, 2006)", " after Anttila and Andrus (2006)"
_CITED_AFTER = re.compile(
    r"\s*(?:\(\s*|after\s+)(?:e\.g\.,?\s*|see\s+)?[A-Z][\w'’\-]+"
    r"(?:\s+(?:et\s+al\.?|and\s+[A-Z][\w'’\-]+|&\s+[A-Z][\w'’\-]+))?"
    r",?\s*\(?(?:19|20)\d{2}[a-z]?\b"
)
#: "when augmented with our approach, ": a clause of "our" thing that ends at the comma
_OUR_IN_SUBORDINATE = re.compile(
    r"\b(?:when|if|once|after|while|whereas|using|applying)\b[^.;,]{0,60}\bour\s+[^.;,]{1,40},\s+$",
    re.I,
)
_CALLED_END = re.compile(
    r"\b(?:called|dubbed|named|termed|known\s+as|referred\s+to\s+as)\s+(?:the\s+)?(?:[\w\-.]+,?\s+and\s+)?[\"“'‘]?$",
    re.I,
)
#: words of the clause before "called X" that say X came before the paper
_PRIOR_BEFORE_CALLED = re.compile(
    r"\b(?:recent(?:ly)?|existing|popular|previous(?:ly)?|prior|well-known|widely|standard|classical|"
    r"famous|commonly|often|usually|(?:well-)?established|classic|traditional|conventional)\b(?:(?!\b(?:we|our)\b)[^.;]){0,100}?"
    r"\b(?:called|dubbed|named|termed|known\s+as|referred\s+to\s+as)\s+(?:the\s+)?(?:[\w\-.]+,?\s+and\s+)?[\"“'‘]?$"
    r"|\b(?:so-called|so\s+called|also\s+(?:called|known\s+as|termed|named))\s+(?:the\s+)?[\"“'‘]?$"
    # ... or a part the paper's thing is made of, in the same phrase: "a hybrid model that
    # combines a network named X", "SGP uses a gossip algorithm called X" (not "a method ...
    # using sinusoidal functions, called X", where the comma takes the name back to the method)
    # (not a new one: "using a new dataset named SelfAware")
    # ... or a known thing worked with: "we estimate it with the algorithm called MINE"
    r"|\b(?:with|via|through)\s+the\s+(?:[\w\-]+\s+){0,2}(?:algorithm|method|technique|approach|estimator|"
    r"procedure|metric|measure)\s+(?:called|named|termed|known\s+as)\s+(?:the\s+)?[\"“'‘]?$"
    r"|\b(?:combin(?:es|ing)|integrat(?:es|ing)|us(?:es|ing)|leverag(?:es|ing)|adopt(?:s|ing))\b"
    r"(?:(?!\b(?:new|novel)\b)[^.;,]){0,80}?"
    r"\b(?:called|dubbed|named|termed|known\s+as|referred\s+to\s+as)\s+(?:the\s+)?(?:[\w\-.]+,?\s+and\s+)?[\"“'‘]?$",
    re.I,
)
#: "X (RN) has been introduced", "X was proposed by": made before the paper
_INTRODUCED_BEFORE_AFTER = re.compile(
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:has|have|had)\s+been\s+(?:introduced|proposed|developed)"
    r"|\s*(?:\([^)]{1,30}\)\s*)?(?:was|were)\s+(?:recently\s+)?(?:introduced|proposed|developed)\s+by\b",
    re.I,
)


def subject_after_comparison(before: str, after: str) -> bool:
    """Whether the name between ``before`` and ``after`` is the subject that a sentence's
    opening comparison is about: "Compared to OpenVLA and Octo, π0 achieves ..." compares π0
    with them, not the other way round.

    >>> subject_after_comparison("Compared to A and B, ", " achieves more.")
    True
    >>> subject_after_comparison("Compared to A, ", ", C and D.")
    False
    """
    return (
        before.endswith(", ")
        and _COMPARED_OPENING.search(before[-200:]) is not None
        and _OUR_SUBJECT.match(after) is not None
    )


#: a sentence that opens on what it compares with, up to the comma before its subject
_COMPARED_OPENING = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:Compared|Relative|In\s+comparison)\s+(?:to|with)\s+[^.;]{1,160},\s+(?:our\s+|the\s+)?$"
)


#: "we find that ": the subject of one of the paper's findings follows
_FINDING_SUBJECT = re.compile(
    r"\b(?:we|our\s+[\w\-]+)\s+(?:also\s+|further\s+|empirically\s+)?(?:find|found|show|showed|observe|observed|"
    r"demonstrate|demonstrated)\s+that\s+(?:the\s+|both\s+)?$",
    re.I,
)
#: a sentence opening "In X, " on one name ("In the canonical iterated X", two describing words at most)
_IN_OPENING = re.compile(r"\s*In\s+(?:the\s+(?:[a-z][a-z\-]*\s+){0,2})?")
#: the finding that follows such an opening: ", we find", ", our agent reaches", ", it improves"
_FINDING_AFTER = re.compile(
    r",\s+(?:we|our\s+[\w\-]+|it|they)\s+(?:also\s+|further\s+|consistently\s+)?"
    r"(?:find|found|show|observe|obtain|achiev|reach|outperform|improv|see)\w*"
)


def _opening_on(before: str, after: str) -> bool:
    """Whether ``before`` is the opening of a sentence on the names measured ("On X and "), or
    a list item within one that the list goes on after ("On A, B and a split of C, ..."), or
    a clause that opens so mid-sentence before its result ("..., and on X it improves")."""
    if (
        before.endswith(("on ", "the "))
        and _CLAUSE_ON.search(before[-28:]) is not None
        and _RESULT_AFTER.match(after[:60]) is not None
    ):
        return True  # a clause that opens so mid-sentence: "..., and on X it improves SSIM"
    if before.lstrip().startswith("In ") and _IN_OPENING.fullmatch(before) and _FINDING_AFTER.match(after):
        return True  # "In the iterated Prisoner's Dilemma, we find ...": a finding in it
    if not before.lstrip().startswith(("On", "Across")):
        return False
    opening = _OPENING_ON.fullmatch(before)
    if opening is not None:
        # a list ends with the comma before its clause: not "On X, A and B reach ...", whose
        # A and B are the subject
        return opening.group(1) is None or _LIST_END_AFTER.match(after) is not None
    return (
        after.startswith((",", " and "))
        and _OPENING_ON_ITEM.fullmatch(before) is not None
        and _OPENING_LIST_REST.match(after) is not None
    )


def _value_on(before: str) -> bool:
    """Whether ``before`` reports a score on what follows ("reaches 77.5 on ").

    >>> _value_on("compressed by 85.2% in "), _value_on("it is 3x faster on "), _value_on("breaks down on ")
    (True, True, True)
    >>> _value_on("Our parser ranks first on the "), _value_on("the system placed 3rd in ")
    (True, True)
    >>> _value_on("a gain of 2 in "), _value_on("ResNet-50 on "), _value_on("it works on ")
    (False, False, False)
    """
    return (
        _ends_with_word(before, ("on", "of", "in", "from", "the", "our", "new", "proposed"))
        and _VALUE_ON.search(before[-50:]) is not None
    )


#: a result reported right after the data set: "ResNet-50 on ImageNet achieves 76.6%"
_ACHIEVED_AFTER = re.compile(
    r"\s*(?:test|validation|dev)?\s*(?:set\s+)?(?:achiev|reach|obtain|attain|scor)\w*\s"
)


def _achieved_on(before: str, after: str) -> bool:
    """Whether a score is reported on the name between ``before`` and ``after``.

    >>> _achieved_on("our quantized ResNet-50 on ", " achieves 76.6% top-1"), _achieved_on("on ", " helps")
    (True, False)
    >>> _achieved_on("without replay ", " drops by 7 points")
    True
    """
    return (_ends_with_word(before, ("on", "the")) and _ACHIEVED_AFTER.match(after) is not None) or (
        after[:1] == " " and " by " in after[:40] and _SCORE_MOVES_AFTER.match(after) is not None
    )


#: a score on the name that moves by an amount: "without replay MMLU drops by 7 points"
_SCORE_MOVES_AFTER = re.compile(
    r"\s+(?:(?:accuracy|scores?|performance)\s+)?(?:drops?|falls?|declines?|degrades?|decreases?)\s+by\s+\d"
)


def _ends_with_word(before: str, words: tuple[str, ...]) -> bool:
    """Whether ``before`` ends with one of ``words`` and a space (a cheap test ahead of a
    search anchored at the end)."""
    return before[-1:].isspace() and before.rstrip().endswith(words)


#: a score reported on a name: "reaches 77.5 on AIME, 96.2 on MATH 500", "94th percentile on X"
#: (a number, not the end of a name: "ResNet-50 on X" reports nothing), or a metric named right
#: before "on": "62.1 F1 on X", "BLEU on X", "mAP on X"
_VALUE_ON = re.compile(
    # (a range too: "by 1.8-3.1x on X")
    r"(?:(?:(?<![\w\-.])\d+(?:\.\d+)?(?:[\-–]\d+(?:\.\d+)?)?(?:\s*%|\s*points?|\s*pp|th percentile|\s?[x×])?"
    # "a 2.1x speedup on X", "a 12% reduction on X"
    # ... or a comparison measured on X: "3x faster on X", "4 points higher on X"
    r"(?:\s+(?:speed-?ups?|reductions?|improvements?|gains?|increases?|drops?|boosts?|lifts?|"
    r"faster|slower|better|worse|higher|lower))?"
    # ... or a measure named right before "on", maybe with its short form: "character error rate
    # (CER) on X"
    r"|\b(?:F1|BLEU|ROUGE(?:-\w+)?|AUC|mAP|top-[15] accuracy|error rate|accuracy|"
    # "24.3% success on X", "a 61% win rate on X"
    r"success(?:\s+rate)?|(?:pass|win|solve|resolve)\s+rate|exact\s+match)(?:\s+scores?)?"
    r"(?:\s+\([A-Za-z@\-]{2,8}\))?)\s+on"
    # ... or a score with the short name of its metric, whatever it is: "49.8 Arg-C on X",
    # "37.9 APr on X" (a name with a capital; not hardware: "8 GPUs on X", "4 A100s on X")
    r"|(?<![\w\-.])\d+(?:\.\d+)?\s*%?\s+(?=[\w\-@&]*[A-Z])(?![A-Z]+s\b|[A-Z]?\d+s?\b)"
    r"(?!(?:GPU|TPU|CPU|H100|A100|V100)s?\b)[A-Za-z][\w\-@&]{0,14}\s+on"
    # a share or an amount in a data set: "compressed by 85.2% in MNIST"
    r"|(?<![\w\-.])\d+(?:\.\d+)?\s*(?:%|points?|pp)\s+in"
    # how well something does on X: "performs much better on X", "breaks down on X"
    r"|\b(?:performs?|performed|works?|worked|does|did)\s+(?:\w+\s+)?(?:better|worse|best|well|poorly)\s+on"
    r"|\b(?:fails?|failed|struggles?|struggled|breaks?\s+down|broke\s+down|collapses?|collapsed)\s+on"
    # a place in a ranking: "ranks first on X", "placed 3rd in the X"
    r"|\b(?:ranks?|ranked|ranking|placed?|placing)\s+(?:first|second|third|top(?:-\d+)?|\d+(?:st|nd|rd|th))"
    r"\s+(?:\w+\s+)?(?:on|in)"
    # a share of a benchmark's problems solved: "resolves 58.3% of SWE-bench Verified"
    r"|\b(?:resolv|solv|prov|pass|answer)\w*\s+(?:\w+\s+)?\d+(?:\.\d+)?\s*%\s+of"
    # ... or of its tasks: "solve 41% of tasks on tau-bench"
    r"(?:\s+(?:the\s+)?(?:tasks|problems|questions|issues|instances|episodes)\s+(?:on|in|from))?"
    # a count of them: "solves 86 problems on PutnamBench"
    r"|\b(?:resolv|solv|prov|answer)\w*\s+(?:\w+\s+)?\d[\d,]*\s+(?:tasks|problems|questions|issues|theorems)"
    r"\s+(?:on|in|from|of))\s+"
    r"(?:(?:the|our)\s+)?(?:new\s+|proposed\s+)?$"
)
#: a sentence that opens on the names it was measured on: "On AgentDojo and InjecAgent, ..."
#: (its later items follow an "and": in "On OlympiadBench, Quorbit reduces", Quorbit is no item)
_ITEM = r"[^\s,]+(?:\s[^\s,]+){0,2}"
#: the opening of a clause of its own on the names measured: ", and on ", "; on ", "while on "
_CLAUSE_ON = re.compile(
    r"(?:[,;]\s+(?:and\s+|while\s+|whereas\s+|but\s+)?|\band\s+|\bwhile\s+)on\s+(?:the\s+)?$"
)
#: a result stated right after the names: " it improves", ", LongSpec reaches", " our model sets"
_RESULT_AFTER = re.compile(
    r",?\s+(?:[^\s,.;]+\s+){0,3}?(?:improv|achiev|reach|outperform|surpass|attain|obtain|yield|gain"
    r"|match|lower|reduc|beat|exceed|rais|sets\b|scores\b|boost|lift)\w*\s"
)
#: "On ", "On the ", "Across the challenging multilingual " (describing words, not a plural
#: noun, "On the benchmarks X, our method outperforms them", nor a preposition: "On the basis
#: of ", "On the relationship between ")
_ON_THE = (
    r"\s*(?:On|Across)\s+(?:the\s+(?:(?!(?:of|between|among|for|with|to|from|in|into|over|under|about|"
    r"within|across|via|by|at|and|or)\s)[a-z][a-z\-]*(?<!s)\s+){0,2})?"
)
_OPENING_ON = re.compile(rf"{_ON_THE}({_ITEM}(?:,\s+{_ITEM}){{0,6}},?\s+and\s+)?")
#: a character of a clause: not a stop, a comma or a semicolon, though a decimal point may be one
#: ("LLaMA-3.1-70B")
_NO_STOP = r"(?:[^,.;]|(?<=\d)\.(?=\d))"
#: the end of a list's last item: the comma before the clause
_LIST_END_AFTER = re.compile(rf"{_NO_STOP}{{0,60}},")
#: the rest of a list that opens a sentence, up to the comma that ends it: ", C and D, we ..."
#: (not the subject of "On X, A and B reach ...")
_OPENING_LIST_REST = re.compile(rf"(?:,\s+{_NO_STOP}{{1,60}}?)*,?\s+and\s+{_NO_STOP}{{1,60}},")
#: the items before a later one of a list that opens a sentence: "On A, B, "
_OPENING_ON_ITEM = re.compile(rf"{_ON_THE}{_ITEM}(?:,\s+{_ITEM}){{0,6}},\s+")
#: a size in parameters right before a name: "the 671B R1"
_SIZE_BEFORE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[BMT]\s+$")
#: "the problem of X", "the tasks of X" (lower case: "the Lexical Substitution Task of
#: SemEval-2007" names an evaluation campaign, and "the sub-tasks of X" a shared task)
_TASK_OF = re.compile(
    r"\b(?:[Tt]he\s+(?:[a-z\-]+\s+)?(?:problem|task)s?|[Tt]his\s+new\s+(?:problem|task|setting))\s+of\s+"
    r"(?:the\s+)?$"
)

_BEFORE_TYPE_WORDS = (
    "evaluat", "benchmark", "test", "experiment", "result", "performance", "accuracy", "score",
    "trained", "tuned", "model", "llm", "outperform", "surpass", "beat", "from", "train", "tune",
    "to create", "to build", "to form", "to construct", "to assemble", "to compile",
    "data of", "images of", "videos of", "recordings of", "scans of", "trajectories of", "split", "measured",
    "quantified", "yields", "produces", "results in",
)  # fmt: skip

_NOT_OBJECT = (
    r"using|uses?|with|on|upon|onto|for|and|or|to|from|by|via|that|which|based|over|than|in|of|against|"
    r"across|between|into|where|while|when|such|as|is|are|was|were|be|can|could|under|"
    # "we release X, covering sentiment analysis, ...": what it covers is not released
    r"covering|including|spanning|comprising|containing"
)
#: kinds a paper lists several of its own artefacts under ("we introduce two benchmarks, A and B")
_OWN_KINDS = (
    r"benchmarks|datasets|methods|models|metrics|suites|corpora|frameworks|approaches|algorithms|"
    r"rerankers|retrievers|agents|policies|variants|artefacts|artifacts|resources|tools|systems|"
    r"architectures|losses|objectives|ones"
)
#: second adjectives of "simple and effective"-style pairs, which may sit between a verb of
#: proposing and the name
_PAIRED_ADJECTIVES = (
    "simple|fast|efficient|effective|robust|scalable|general|accurate|lightweight|flexible|"
    "principled|practical|interpretable|powerful|versatile|generic|unified"
)
_PROPOSE = re.compile(
    # "we also publicly release", "we curate and publicly release" (not "we adopt a recently proposed")
    r"\b(?:we|this (?:paper|work|study|article)|our (?:work|paper))\s+(?:\w+\s+and\s+\w+ly\s+|(?:\w+\s+){0,2}?)"
    r"(?:propose|introduce|present|develop|release|design|build|construct|curate|create|collect|"
    r"contribute|offer|open-source|derive|assemble|compile|synthesi[sz]e)(?:s|d|ed)?\s+"
    # a second verb of the same object: "we design and analyze X", "we propose and evaluate X"
    r"(?:and\s+(?:then\s+)?(?!(?:compare|contrast|review|survey|discuss|summari[sz]e|revisit|examine)\b)"
    r"[a-z]+\s+(?=(?:an?|the|our|two|three)\b|[A-Z]|$))?"
    rf"(?:(?:an?\s+)?[\w\-]+\s+and\s+(?:{_PAIRED_ADJECTIVES})\s+)?"  # "an effective and efficient X"
    # the object's words, not past an appositive: "we introduce X, a Sparse MoE model"; a word
    # may carry its short form: "a new Hierarchical Reinforcement Learning (HRL) framework, X"
    rf"(?:(?!(?:{_NOT_OBJECT})\b)[\w\-]+(?:,\d{{3}}[\w\-]*)*(?:\s+\([\w\-]{{1,15}}\)(?!,))?"  # "2,400-example"
    r"(?:,(?!\s+(?:an?|its|their|whose|which|who|where|[\w\-]+['’]s|"
    r"the\s+(?:first|only|largest|most|best))\s))?\s+){0,6}"
    r"(?:[—–:-]+\s*|\(\s*)?[\"“'‘]?$"
    # (and the second of two names so given: "variants called BLOOMZ and mT0")
    r"|\b(?:called|dubbed|named(?:\s+as)?|termed|coined|denoted\s+as|"
    # "we refer to this method as X", "referred to hereafter as X"
    r"(?:referred|refer)\s+to\s+(?:(?:it|them|this|these|our|the)\s+(?:[\w\-]+\s+){0,3}|hereafter\s+)?as|"
    r"hereafter|henceforth)\s+(?:the\s+)?"
    r"(?:[\w\-.]+,?\s+and\s+)?[\"“'‘]?$"
    # "our new X split", "our proposed X", "the newly collected X dataset"
    r"|\bour\s+(?:new|novel|proposed|newly\s+[a-z]+ed)\s+[\"“'‘]?$|\bthe\s+(?:proposed|novel|newly\s+[a-z]+ed)\s+[\"“'‘]?$"
    # "We propose a simple method for transfer: Side-Tuning"
    # (what is proposed is a kind of thing, not "We present results on two benchmarks: X")
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present)\b"
    r"(?![^.;:]*\b(?:results?|experiments?|analys[ie]s|evaluations?|findings|evidence)\b)[^.;:]{0,80}?"
    r"\b(?:method|approach|framework|model|algorithm|technique|architecture|strategy|recipe|loss|objective|"
    r"module|system|tool|metric|benchmark|dataset|corpus|suite)s?\b[^.;:]{0,60}:\s+[\"“'‘]?$"
    # "our proposed strategy, SpanDiv", "the proposed method, NovaBonus"
    r"|\b(?:our|the)\s+proposed\s+[\w\-]+,\s+(?:the\s+)?[\"“'‘]?$"
    # "which we release as the X dataset"
    r"|\bwe\s+(?:\w+\s+)?(?:release|open-source|publish)[sd]?\s+(?:it\s+|them\s+)?as\s+(?:the\s+)?[\"“'‘]?$"
    # "our model s1-32B exceeds ...": the noun written right before the paper's own name
    r"|\bour\s+(?:final\s+|resulting\s+|best\s+)?(?:model|method|system|agent|framework)\s+[\"“'‘]?$"
    # "... and a new out-of-distribution set, RM-Shift"; "we develop a linear surrogate model for
    # RNNs, the GILR-LSTM, ..."
    r"|(?:\ba\s+(?:new|novel)|\bwe\s+(?:propose|introduce|present|develop|design|build|construct)\s+an?)\s+"
    r"(?:[\w\-]+\s+){0,3}(?:set|benchmark|dataset|suite|corpus|testbed|split|metric|measure|"
    r"score|framework|method|approach|algorithm|technique|architecture|paradigm|model|problem|task|setting|"
    r"type|kind|class|family)"
    # "a new framework for language model inference, Tree of Thoughts (ToT)", "a new type of prior
    # distributions for convolutional neural networks, deep weight prior (DWP)"
    r"(?:\s+(?:for|of)\s+(?:[\w\-]+\s+){0,5}[\w\-]+){0,2},\s+(?:the\s+)?[\"“'‘]?$"
    # "trained on our synthetic corpus QS-Synth"
    r"|\bour\s+(?:(?!base\b|baseline|backbone|teacher|reference|previous|prior|earlier|training\b)"
    r"[\w\-]+\s+){0,2}(?:dataset|corpus|benchmark|suite)\s+[\"“'‘]?$"
    # "the resulting model, X, reaches ...", "The resulting six-layer student, ShadowBERT, ...",
    # "The resulting simple, yet effective algorithm, X, ..."
    r"|\b(?:the|our)\s+result(?:ing|ed)\s+(?:[\w\-]+,?\s+){0,5}(?:model|method|system|agent|policy|dataset|"
    r"benchmark|corpus|framework|checkpoint|student|network|classifier|retriever|reranker|encoder|detector|"
    r"tokenizer|verifier|algorithm|approach|technique)s?,\s+(?:namely\s+)?[\"“'‘]?$"
    # "the result is our method, X", "naming the model X", "we refer to these as X"
    # "our hybrid model, X", but not "our base model, X", which the paper only builds on
    r"|\bour\s+(?:(?!base\b|baseline|backbone|teacher|reference|previous|prior|earlier|"
    rf"(?:{_NOT_OBJECT}|the|an?|uses?|used)\b(?!-))[\w\-]+\s+){{0,3}}"
    r"(?:method|model|approach|framework|algorithm|system|benchmark|dataset|corpus|agent|detector|"
    r"architecture|network|pipeline|policy|variant|technique|recipe|solver|planner|retriever|metric|"
    r"tool|suite|reranker|ranker|encoder|decoder|classifier|verifier|judge|tokenizer|optimi[sz]er|"
    r"attack(?:er)?|defen[cs]e|environment|simulator|library|toolkit|sampler|estimator|scheduler|"
    r"regulari[sz]er|router|controller|family|families|data|"
    # "our augmentation strategy, AugRM, ..."
    r"strategy|strategie|scheme|procedure|objective|loss(?:e)?|module|mechanism|protocol|prompt)s?,\s+"
    r"(?:called\s+|named\s+)?[\"“'‘]?$"
    r"|\bnaming\s+(?:the|our|it|this)\s+(?:[\w\-]+\s+)?[\"“'‘]?$"
    r"|\bwe\s+refer\s+to\s+(?:[\w\-]+\s+){0,4}as\s+[\"“'‘]*$"
    # "we introduce Phi-4-Mini and X", "we release A, B and X": every name the verb takes
    # ("we create and open-source A and X": a verb joined before it)
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+(?:and\s+)?)?(?:propose|introduce|present|release|open-source)[sd]?\s+"
    r"(?:the\s+)?[A-Z][\w\-.]*(?:,\s+[A-Z][\w\-.]*){0,4},?\s+and\s+[\"“'‘]?$"
    # "we introduce two benchmarks, i.e., DetCon and X": every name of the kind introduced
    # (each maybe with a bracket: "two compact rerankers, A (7B) and X")
    # ("two new conditional GAN architectures: A and X"; not "results on two benchmarks: A and X")
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|release|build|construct|create|"
    rf"develop|design|curate|contribute)[sd]?\s+(?:(?!(?:{_NOT_OBJECT}|results?|experiments?)\b)[\w\-]+\s+){{0,4}}"
    rf"(?:{_OWN_KINDS})[,:]?\s+"
    r"(?:(?:i\.e\.|namely),?\s+)?[A-Z][\w\-.]*(?:\s+\([^()]{1,30}\))?"
    r"(?:,\s+[A-Z][\w\-.]*(?:\s+\([^()]{1,30}\))?){0,4},?\s+and\s+[\"“'‘]?$"
    # "we propose two evaluation methods: RACE, a reference-based framework ..., and X": the
    # second of two after a colon, the first described
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design|contribute)[sd]?\s+"
    rf"(?:[\w\-]+\s+){{0,3}}(?:{_OWN_KINDS}):\s+"
    r"[A-Z][\w\-.]*,\s+an?\s+[^.;:()]{1,120}?,\s+and\s+[\"“'‘]?$"
    # "we introduce an advanced long-thinking variant: X": a colon glued to the object's last word
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|release|build|construct|"
    r"create|curate|collect|develop|design|contribute)(?:[sd]|ed)?\s+"
    rf"(?:(?!(?:{_NOT_OBJECT}|results?)\b)[\w\-]+\s+){{0,5}}(?!(?:{_NOT_OBJECT})\b)[\w\-]+:\s+[\"“'‘]?$"
    # "we introduce new datasets (FineMath, Stack-Edu, and X)": every name the bracket lists
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|release|build|construct|"
    r"create|develop|design|curate)[sd]?\s+"
    r"(?:(?!(?:that|which|than|over|with|against|including|such|like|as|on|using|from|to|baselines?|"
    r"outperform\w*|beat\w*|surpass\w*|compar\w*)\b)[\w\-]+\s+){0,4}\(\s*[A-Z][\w\-.]*(?:,\s+[A-Z][\w\-.]*){0,5}"
    r",?\s+(?:and\s+)?[\"“'‘]?$"
    # "we propose Flexible Progressive Finetuning (FP-SFT) and X": after a defined first name
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present)[sd]?\s+(?:an?\s+|the\s+)?"
    r"(?:[\w\-]+\s+){1,6}\([A-Za-z][\w\-]{1,14}\),?\s+and\s+(?:an?\s+|the\s+)?(?:new\s+|novel\s+)?[\"“'‘]?$"
    # "we introduce a novel hybrid temporal convolutional and recurrent network (X)": the name in
    # brackets after a described object of plain words ("and" between them; no preposition)
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design)[sd]?\s+(?:an?|the)\s+"
    r"(?:(?!(?:for|of|on|in|to|with|by|from|that|which|using|via|than|over|as)\b)[\w\-]+\s+){0,9}"
    r"(?:network|model|method|framework|architecture|algorithm|approach|prior|system|module|mechanism|loss|"
    r"objective|layer|estimator|regulari[sz]er|optimi[sz]er|attention|encoder|decoder|transformer|policy|"
    r"agent|dataset|benchmark|corpus|metric|measure|strategy|technique|procedure|scheme)s?\s+\(\s*$"
    # "we propose a simple architecture to augment reward, namely X"; "we propose a new approach,
    # known as the X" (a name the sentence of proposing gives, not "a technique known as dropout")
    r"|\b(?:we|this (?:paper|work))\s+(?:\w+\s+)?(?:propose|introduce|present|develop|design)[sd]?\s+(?:an?|the)\s+"
    r"[^.;]{1,100}?,\s+(?:namely|known\s+as(?:\s+the)?)\s+[\"“'‘]?$"
    # "we distil Whisper into X", "we compress a 7B model into X": what is made is named
    r"|\bwe\s+(?:\w+\s+)?(?:distil|compress)\w*\b[^.;]{1,80}?\binto\s+[\"“'‘]?$"
    # "we distil A into a causal student, producing X"
    r"|\bwe\b[^.;]{0,120}?,\s+(?:producing|resulting\s+in)\s+(?:the\s+|an?\s+)?[\"“'‘]?$"
    # "we release the translated preferences as X"
    r"|\bwe\s+(?:\w+\s+)?(?:release|open-source|publish)[sd]?\b(?:[^.;]{1,80}?)?\s+"
    r"(?<!\swell\s)(?<!\ssuch\s)as\s+[\"“'‘]?$"  # not "as well as X", "such as X"
    # "which allows us to propose X"; "a further proposed model of X"
    r"|\b(?:allow|enable|lead)(?:s|ed|ing)?\s+us\s+to\s+(?:propose|introduce|design|develop|build)\s+"
    r"(?:the\s+|an?\s+)?(?:new\s+|novel\s+)?[\"“'‘]?$"
    r"|\b(?:an?|our|the)\s+(?:further\s+|new\s+)?proposed\s+(?:model|method|approach|framework|algorithm|"
    r"architecture|variant)\s+(?:of|called|named)\s+[\"“'‘]?$"
    # "we challenge this notion by introducing X"
    r"|\bwe\b[^.;]{0,120}?\bby\s+(?:introducing|proposing|presenting|developing|designing|building)\s+"
    r"(?:the\s+|an?\s+)?(?:new\s+|novel\s+)?[\"“'‘]?$"
    # "we combine the best choices into a recipe, X"
    r"|\bwe\b[^.;]{0,120}?\binto\s+an?\s+(?:[\w\-]+\s+){0,2}(?:recipe|framework|method|model|pipeline|system|"
    r"benchmark|suite|dataset|agent),\s+[\"“'‘]?$"
    # "we fine-tune A on B to obtain X"
    r"|\bwe\b[^.;]{0,120}?(?:\bto\s+obtain|,\s+obtaining)\s+[\"“'‘]?$"
    # "we assembled 106 data sets to create X"
    r"|\bwe\b[^.;]{0,100}?\bto\s+(?:create|build|construct|assemble|curate)\s+"
    rf"(?:the\s+(?:(?!(?:{_NOT_OBJECT})\b)[\w\-]+\s+){{0,5}}|an?\s+(?:new|novel)\s+)?[\"“'‘]?$"
    # "we propose X (XX), and introduce the Y": a second verb of the same subject
    # ("... and then propose X")
    r"|\bwe\b[^.;]{0,160}?\band\s+(?:also\s+|then\s+|further\s+|finally\s+)?(?:introduce|propose|present|"
    r"release|derive|construct|build|"
    r"create|curate|develop|design)[sd]?\s+"
    # "... and derive a new sampler, X"
    r"(?:the\s+|an?\s+)?(?:new\s+|novel\s+)?(?:[\w\-]+(?:\s+[\w\-]+){0,2},\s+)?[\"“'‘]?$"
    # "... and call the resulting agent X"
    r"|\b(?:call|name|dub|term)\s+the\s+resulting\s+(?:[\w\-]+\s+){1,3}[\"“'‘]?$"
    # "... and call the collection X", "we call the model X"
    # (lower-case words only: in "a regime we call the Edge of Stability" the name is longer)
    r"|\b(?:we|and)\s+(?:call|name|dub|term)\s+(?:the|this|our)\s+(?:(?-i:[a-z])[\w\-]*\s+){1,3}[\"“'‘]?$"
    # "we call the full model with composable action representations X"
    r"|\bwe\s+(?:call|name)\s+the\s+(?:full\s+|whole\s+|final\s+|resulting\s+)?(?:model|method|framework|system|"
    r"architecture|agent)\s+(?:with|of|for|that)\s+(?:(?-i:[a-z])[\w\-]*\s+){1,4}[\"“'‘]?$"
    r"|\bwe\s+(?:call|name|dub|term)\s+(?:it|this|them|these(?:\s+[\w\-]+)?|our(?:\s+[\w\-]+){1,3})?\s*"
    r"(?:the\s+|an?\s+)?[\"“'‘]?$",
    re.I,
)
#: the paper's own made thing named before "which we ...": "the new LoomQA suite, which we
#: build from 2,000 books", "X, which we introduce here"
_MADE_BY_US_AFTER = re.compile(
    r"\s*(?:(?:benchmark|dataset|corpus|suite|model|method|framework)s?\s*)?(?:\([^)]{1,20}\)\s*)?"
    # "X, which we build", "X, a synthetic caption corpus we release"
    r"(?:,?\s*(?:which|that)|,\s*an?\s+(?:[\w\-]+\s+){1,4}(?:(?:which|that)\s+)?)\s*we\s+"
    r"(?:(?:also|first|then|here|newly)\s+)?(?:build|built|construct(?:ed)?|"
    r"collect(?:ed)?|creat(?:e|ed)|curat(?:e|ed)|introduc(?:e|ed)|releas(?:e|ed)|propos(?:e|ed)|"
    r"design(?:ed)?|develop(?:ed)?)\b(?!\s+(?:on|upon)\b)"
    # "The dataset, X, is constructed by our automatic pipeline"
    r"|,?\s*(?:is|was|are|were)\s+(?:\w+\s+)?(?:built|constructed|collected|curated|created|generated|"
    r"synthesi[sz]ed|annotated)\s+(?:by|with|using|through|via|from)\s+our\b",
    re.I,
)
#: a suffix that makes the name a modifier of what follows ("X-style adapters")
_MODIFIER_AFTER = re.compile(r"-(?:based|style|like|inspired|type|driven|guided)\b", re.I)
#: ... with a space ("X based context ...", "an X algorithm based ..."; not "X based on Y")
_SPACED_MODIFIER_AFTER = re.compile(
    r"(?:\s+(?:algorithm|method|model|network))?\s+(?:based|inspired|driven|guided)\s+(?!(?:on|upon|by|from|in)\b)[a-z]"
)
_PROPOSE_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,\s*(?:a|an)\s+(?:new|novel(?!\s*[,.;)]|\s+(?:or|and)\s)|simple|unified|general|scalable|large|"
    r"comprehensive|challenging|efficient|lightweight)\b(?!\s+(?:record|high|low|best)\b)"  # not "MNIST, a new record"
    r"|^\s*(?:\([^)]*\)\s*)?(?:,\s*)?(?:which|that)\s+we\s+(?:propose|introduce)"
    # "X (our method) achieves", "X is a new mechanism that ..."
    r"|^\s*\((?:ours|our\s+(?:method|model|approach|framework))\)"
    r"|^\s+is\s+an?\s+(?:new|novel)\b",
    re.I,
)
#: "X, our model distilled from ...", "X (XX), our new benchmark": the paper's own X, unless X
#: follows a preposition ("Inspired by X, our approach ...", "On X, our method ...")
_OUR_APPOSITIVE = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?,\s*our\s+(?:[\w\-]+\s+){0,2}(?:LLM|VLM|MLLM|method|model|approach|framework|"
    r"algorithm|system|benchmark|dataset|corpus|agent|detector|architecture|network|pipeline|policy|"
    r"variant|reranker|ranker|encoder|decoder|classifier|verifier|judge|tokenizer|optimi[sz]er|attack|"
    r"defen[cs]e|environment|simulator|library|toolkit|metric|measure|loss|objective)s?"
    # an appositive ends there, or goes on with a participle or a relative clause; a verb would
    # make "our method" the subject: "On X, our method achieves ...", "Using X, our model can ..."
    r"(?=\s*[,.;:()]|\s+(?:(?!(?:achiev|perform|outperform|obtain|reach|show|yield|improv|produc|"
    r"surpass|attain)e?d\b)\w+ed|that|which|for|of|to|from|with|trained|built|based|on|in)\b)",
    re.I,
)
#: a part of a data set standing for it: "the validation split of ", "the nine scenes of the ",
#: "812 tasks in ", "the test set of "
_PART_OF_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|each|all|\d[\d,]*)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:splits?|subsets?|partitions?|portions?|scenes|tasks|episodes|games|levels|sequences|"
    r"(?:test|dev|development|validation|training|train|held-out)\s+sets?)\s+(?:of|in|from)\s+(?:the\s+)?$",
    re.I,
)
#: what is said after the names compared with: "(A and B) are also outperformed", "are included
#: in the comparison", "serve as baselines"
_COMPARED_AFTER = re.compile(
    r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[^.;,]{1,40}?){0,4}\s+(?:(?:are|is|were|was)\s+"
    r"(?:also\s+|clearly\s+|consistently\s+|significantly\s+|all\s+)?(?:outperformed|surpassed|beaten|"
    r"included\s+in\s+(?:the|our)\s+comparisons?|used\s+as\s+baselines?|chosen\s+as\s+baselines?)|"
    r"serve\s+as\s+baselines?)\b"
)
_PASSIVE_COMPARE_WORDS = ("outperformed", "surpassed", "beaten", "comparison", "baseline")
#: "metrics include ", "the baselines are ": group 1 a measure, which is used; else compared with
_LISTED_AS = re.compile(
    r"\b(?:(metrics?|measures?)|baselines?|competitors)\s*(?:(?:include|are|comprise)\s+|\(\s*|:\s+)$", re.I
)
_LISTED_AS_ENDS = ("include", "are", "comprise", "(", ":")  # the ends of _LISTED_AS, a cheap test first
#: what is said after the names the paper's own work uses: "(A and B) were re-implemented in JAX"
_USED_AFTER = re.compile(
    r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[^.;,]{1,40}?){0,4}\s+(?:are|is|were|was)\s+"
    r"(?:also\s+|all\s+|first\s+)?(?:re-?implemented|implemented|fine-?tuned|re-?trained)\b"
)
_USED_AFTER_WORDS = ("implemented", "tuned", "trained")
#: a clause whose subject is others' work: "Existing methods rely on ", "Widely used alignment
#: techniques, such as RLHF, rely on ", "Most prior approaches are based on "
_OTHERS_SUBJECT = re.compile(
    r"\s*(?:(?:However|Moreover|Yet|But),?\s+)?(?:the\s+|most\s+|many\s+|some\s+)?"
    r"(?:widely\s+used|commonly\s+used|existing|prior|previous|popular|conventional|traditional|current|recent)"
    r"\s+(?:[\w\-]+\s+){0,3}?(?:methods|approaches|techniques|models|systems|algorithms|works?|pipelines|"
    r"agents|frameworks)\b",
    re.I,
)
#: a word of use denied: "does not rely on ", "without using "
_NEGATED_USE = re.compile(
    r"\b(?:not|never|without|no\s+longer)\s+(?:\w+\s+)?(?:us(?:e|es|ed|ing)|rel(?:y|ies|ying)\s+on|requir\w*|"
    # (not past a clause of its own: "does not require calibration and works with X")
    r"need\w*|leverag\w*|employ\w*|adopt\w*)\b(?:(?!\b(?:and|but|while|whereas)\b)[^.;,]){0,40}$",
    re.I,
)
#: a sentence opening that sets what follows against the names it lists: "Unlike A, B and "
_UNLIKE_BEFORE = re.compile(
    r"(?:^|[.!?;]\s+)(?:Unlike|In\s+contrast\s+to|Contrary\s+to|As\s+opposed\s+to)\s+(?:the\s+)?"
    r"(?:[\w\-.]+(?:\s+[\w\-.]+)?(?:,\s+|\s+(?:and|or)\s+|,\s+(?:and|or)\s+))*$"
)


def set_against(before: str) -> bool:
    """Whether ``before`` (a sentence up to a name) opens by setting what follows against the
    names it lists: "Unlike A and ", "In contrast to the ".

    >>> set_against("Unlike MedQA and "), set_against("Results on MedQA and ")
    (True, False)
    """
    return _UNLIKE_BEFORE.search(before[-120:]) is not None


#: "we define the " / "we define a new ": the paper's own measure follows (with its kind noun)
_DEFINE_BEFORE = re.compile(r"\bwe\s+(?:\w+\s+)?define\s+(?:the\s+|an?\s+)?(?:new\s+|novel\s+)?$", re.I)
#: a short form in brackets right after a defined name: "We define untied MixUp (UMixUp)"
_DEFINED_SHORT_FORM_AFTER = re.compile(r"\s*\([A-Z][\w\-]{1,14}\)")
#: the kind noun of a measure right after its name, past its short form
_MEASURE_AFTER = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:metric|score|measure|index)\b", re.I)
#: an ordinal opening a sentence right before a name: "First, ", "Third, "
_ORDINAL_OPENING = re.compile(
    r"\s*(?:(?:First|Second|Third|Fourth|Fifth|Finally|Lastly)(?:ly)?|The\s+(?:first|second|third|latter|other)),\s+$"
)
#: a participle of giving or making right before a name
_GIVING_BEFORE = re.compile(
    r"\b(?:presenting|introducing|proposing|releasing|yield(?:s|ing)|produc(?:es|ing))\s+$", re.I
)
#: the end of a sentence, maybe past a closing bracket
_SENTENCE_END = re.compile(r"\)?\s*(?:[.;]|$)")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|by|in|to|from|with|of|than|like|unlike|following|over|as|across|into|beyond|after|"
    r"before|for|at|via|upon)\s+$",
    re.I,
)
_EVALUATE = re.compile(
    r"\b(?:evaluat\w*|benchmark\w*|test(?:ed|ing)?|experiments?|results?|achiev\w*|re-?run\w*|verif(?:y|ies|ied)\b|claims|"
    # "Through empirical analysis on navigation and X": what the analysis is run on
    r"(?:empirical|experimental|extensive|comprehensive|systematic|quantitative)\s+analys[ie]s|"
    # "we compare A, B and C on X": what the comparison is run on (compared with: see _COMPARE)
    r"accuracy|performance|sota|state-of-the-art|state of the art|we\s+compare|"
    # "node classification was performed on X", "tests were carried out on X"
    r"(?<=was |are |ere |een | is )(?:performed|carried\s+out)(?=\s+on\b)|"
    r"(?:show|shown|showed|demonstrat\w*|validat\w*)(?=\s+(?:on|across)\b))"
    r"\b[^.;]{0,80}\b(?P<on>on(?!\s+(?:average|par)\b)|in|across)\s+"
    # what it was measured on, not past a contrast: "on LongBench, whereas H2O keeps 91%"
    r"(?:the\s+|several\s+|multiple\s+|\w+\s+)?(?:(?!,\s+(?:whereas|while|but|although|though)\b)[^.;]){0,40}$",
    re.I,
)
#: "Evaluations cover Atari, ProcGen and X", "our experiments span X": what they are run on
_COVERED = re.compile(
    r"\b(?:evaluations?|experiments?|results?|tests?)\s+(?:also\s+)?(?P<on>cover|covers|span|spans)\s+[^.;]{0,60}$",
    re.I,
)
#: "improves the Pareto frontier on X": gains measured on X; not "improves on X", which compares,
#: "improvements in X" (the field or the method), "an improved scheme based on X", "models
#: trained on X", nor a name after another preposition ("on multiple datasets, for X")
_IMPROVED_ON = re.compile(
    # ("lowers the harmful response rate on X", "halves the error on X")
    r"\b(?<!\ban )(?<!\ba )(?<!\bthe )(?:improv\w*|reduc(?:es|ed|ing)|lower(?:s|ed|ing)|rais(?:es|ed|ing)|"
    r"boost(?:s|ed|ing)|halv(?:es|ed|ing)|increas(?:es|ed|ing)|decreas(?:es|ed|ing))\b(?!\s+(?:up)?on\b)[^.;]{0,80}"
    r"(?<!based )(?<!trained )(?<!built )(?<!operating )(?<!conditioned )\b(?P<on>on(?!\s+average\b)|across)\s+"
    r"(?:(?!\b(?:for|with|by|using|via|through|from|which|that|while|where)\b)[^.;()]){0,40}$",
    re.I,
)
#: "gains on LegalBench and MBPP remain": gains measured on X (not "gains in accuracy for X")
_GAINS_ON = re.compile(
    r"\bgains?\b(?:(?!\b(?:over|for|in|with|by)\b)[^.;]){0,40}?\b(?P<on>on|across)\s+(?:the\s+)?[^.;()]{0,40}$",
    re.I,
)
#: "over" compares only after a word of gain or preference ("improvements over X", "a 2x
#: speedup over X", "preferred over X"), not in "a distribution over X", "over-parameterized"
#: or "over 75%"
_OVER = (
    r"(?:improv\w*|gains?|boost\w*|advantages?|better|superior\w*|favou?r(?:ed|ably|able)?|"
    r"prefer(?:s|red|able|ably|ring)?|"
    r"speed[\s\-]?ups?|wins?|margins?|increases?|reductions?|reduc(?:es|ed|ing)|points?|lifts?|edge|benefits?|"
    r"outperform\w*|"
    # a signed difference: "a CMOS of +0.32 over MaskGCT"
    r"(?<=[+\u2212])\d[\d._,]*(?:\s*(?:%|points?|pp|dB))?)(?:\b|(?<=%))[^.;]{0,60}?\bover(?![\w\-])(?!\s+\d)"
)
#: the words that compare; "than", but not a quantity ("more than 10 benchmarks") nor "other than"
_COMPARE_TERMS = (
    r"outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?|rival(?:s|ed|led|ing|ling)?|"
    r"ahead of|compared? (?:to|with)|comparisons? (?:to|with|against)|competitive with|dominat(?:es|ing)|(?<!-)approaching|superior\s+(?:[\w\-]+\s+){0,2}?to|[\d._]+\s*%[^.;]{0,50}?\bagainst|close\s+to|within\s+[\d._]+\s*(?:%|points?|pp)\s+of|compet(?:es|ing) (?:\w{1,15}ly )?with|on (?:a )?par with|"
    r"comparable (?:to|with)|"
    # "we compare open models, including A and B, with X", "trails X by 9 points"
    # (not past a clause of its own: "Compared to A, we show that B is robust against X")
    r"compar(?:e|es|ed|ing)\b(?:(?!,\s+(?:we|it|they|our)\s)[^.;]){0,100}?\b(?:with|to|against)|"
    # "we evaluate X on Y against A and B": what an evaluation is set against is compared with
    r"(?:evaluat|benchmark)(?:e|es|ed|ing)\b(?:(?!,\s+(?:we|it|they|our)\s)[^.;]){0,100}?\bagainst|"
    r"trail(?:s|ed|ing)?|lag(?:s|ged)? behind|"
    # "improves upon X", "improving on X by 7.5 points" (a data set in it is what was measured)
    r"improv(?:e|es|ed|ing) (?:up)?on|"
    # "14 points above X", "2.1% below X"
    r"(?:points?|pp|%)\s+(?:above|below|behind)|(?:scor\w*|perform\w*|rank\w*)\s+(?:well\s+|far\s+)?(?:above|below)|"
    r"falls? short of|"
    # "narrowing the gap to X", "doubles the success rate of X"
    r"(?:narrow|clos)(?:s|es|ed|ing)? the gap (?:to|with)|"
    r"(?:doubl|tripl|halv)(?:es|ed|ing) the (?:[\w\-]+ ){1,3}of|"
    rf"(?<!other )(?<!rather )than(?!\s+\d)|versus|vs\.?|{_OVER}|beat(?:s|ing)?|relative to"
)
_COMPARE = re.compile(
    # ... not past a new clause: "gains over A and B, and the method transfers to X", "Compared
    # to A and B, it keeps its accuracy on X"
    # ("4.21 MOS against 4.12 for X and 4.29 for Y": a score set against the others')
    rf"\b(?:{_COMPARE_TERMS}|baselines? (?:such as|like|including)|(?:against|versus)\s+[\d._]+\s*%?\s+for)\b"
    r"(?:(?!,\s+(?:(?:and|but|while|whereas)\s+)?(?:we|it|they|(?:the|our|this)\s+(?:method|model|approach|"
    r"framework|system|results?)s?)\b)[^.;]){0,60}$"
    # "matching OpenAI's o1", "matches the accuracy of X" (not "feature matching with X")
    r"|(?:\bmatch(?:es|ing)|\b(?:we|they)\s+(?:\w+\s+)?match)\s+"  # "we match BigGAN-deep"
    r"(?:the\s+(?:performance|accuracy|quality|results?)\s+of\s+|that\s+of\s+)?"
    r"(?:(?:tuned|well-tuned|strong|larger|proprietary|closed)\s+)?"  # "matches tuned XGBoost"
    r"(?:[A-Z][\w\-]*'s\s+)?$"
    # "our model matches X on Y": what follows "on" is measured (see _measured_on)
    r"|\bmatches\s(?!of\b)[^.;]{1,50}?\s(?:on|across)\s+(?:the\s+)?$",
    re.I,
)
#: what data items are taken from, named right after "from": "images from Shapes3D", "images
#: sampled from a generative adversarial network" (not past it: "questions from a database,
#: contemporary semantic parsing models")
_ITEMS_FROM = re.compile(
    r"\b(?:images|videos|clips|documents|texts|samples|examples|questions|problems|x-rays|scans|radiographs|"
    r"recordings|utterances|dialogues|conversations|trajectories|demonstrations|sentences|passages|articles|"
    r"pairs|prompts|instructions|responses|captions|queries)\s+"  # "50K preference pairs from X"
    r"(?:(?:drawn|collected|sampled|taken|generated|mined)\s+)?from\s+(?:the\s+|an?\s+)?(?:[a-z][\w\-]*\s+)?$",
    re.I,
)
_USE = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|based on|built on|leverag\w*|appl(?:y|ies|ied|ying)|"
    # "we fine-tune X", "we train X", "distilled from X": the verb's object is used
    r"adopt\w*|adapt(?:s|ed|ing)?|employ\w*|with|via|through|trained on|fine-?tun\w* on|"
    # "we extend X with", "a variant of X", "relies on X", "by utilizing X", "incorporating X"
    r"extend(?:s|ed|ing)?|variants?\s+of|rel(?:y|ies|ied|ying)\s+on|utili[sz]\w*|incorporat\w*|"
    # ("we integrate X into", "integrated into X"; not the noun: "integration steps in X")
    r"deploy\w*|plug\w*\s+into|powered\s+by|"
    # "following the X design", "training data combines X and Y", "traces generated by X", "when
    # paired with a X head": what the paper builds from
    r"(?<!the\s)follow(?:s|ed|ing)\s+(?:the\s+)?|combin(?:e|es|ed|ing)\b|paired\s+with|"
    r"(?:generated|produced|annotated|labell?ed|synthesi[sz]ed|written|translated)\s+(?:\w+\s+)?by|"
    # "focusing on GPT-J", "improves the performance of X": what the paper studies or improves
    r"focus(?:es|ed|ing)?\s+on|(?:performance|accuracy|robustness)\s+of|integrat(?:e|es|ing)|integrated\s+(?:into|in|with)|re-?train\w*|"
    # "we report FVD and X": what is reported is used (not "as reported in X", a source, nor
    # "we report on X", the subject, nor "results reported for X" or "report pass@1 on A and
    # X", what was measured)
    r"(?<!as\s)report(?:s|ed|ing)?(?!\s+(?:in|by|on|for|from)\b)"
    r"(?=(?:(?!\s(?:on|in|across|for|from|over)\s)[^.;])*$)|"
    r"we\s+(?:\w+\s+)?(?:(?:pre-?)?train(?:ed)?|fine-?tuned?|finetuned?)|"
    # "We study the behavior of transformer LMs", "we let LLMs (A, B and C) play", "this paper
    # analyzes X": what the paper itself studies, with no word of use
    r"(?:we\s+(?:\w+\s+)?|(?:this|the)\s+(?:paper|work|study)\s+)(?:stud(?:y|ied|ies)|analy[sz]e[sd]?|"
    r"examine[sd]?|investigate[sd]?|explore[sd]?|probe[sd]?|let)\b|"
    r"distill\w*\s+(?:from|into)|initiali[sz]\w*\s+(?:from|with)|"
    # "fine-tuned from X", "Starting from X", "Building upon X", "obtained by fine-tuning X"
    r"(?:fine-?tun\w*|finetun\w*|(?:pre-?)?train(?:ed|ing)?|continued|start\w*)\s+(?:from|with)|"
    r"build\w*\s+(?:on|upon)|built\s+upon|on\s+top\s+of|by\s+(?:fine-?tuning|finetuning|training|distilling)|"
    # "networks trained by GD", "a model optimized by Adam": what trains it is used
    r"(?:trained|optimi[sz]ed|learned|learnt)\s+by|"
    # "trained on 6,000 hours of robot data from X"
    # ... and "a robustness suite (built) from X": what data are made of is used
    r"(?:data|suite|benchmark|dataset|corpus|collection)\s+(?:(?:drawn|collected|sampled|taken|built|derived|"
    r"assembled|constructed|curated)\s+)?from)\b[^.;]{0,40}$",
    re.I,
)


_PROPOSE_WORDS = (
    "propose", "introduce", "present", "develop", "release", "design", "build", "construct", "derive",
    "assemble", "compile", "synthesi",
    "curate", "create", "collect", "contribute", "offer", "open-source", "call", "name", "dub", "term", "denoted",
    "referred",
    "coined", "hereafter", "henceforth", "namely",
    "our ", "naming", "refer", "producing", "resulting", "a new ", "to obtain", "obtaining", "novel",
    "distil", "compress", "into a", "introducing", "proposing", "presenting", "developing", "designing", "building",
)  # fmt: skip
#: the verbs of :data:`_IMPROVED_ON`, as the cheap test ahead of it reads them
_IMPROVE_WORDS = ("improv", "reduc", "lower", "rais", "boost", "halv", "increas", "decreas")
_EVALUATE_WORDS = (
    "evaluat", "benchmark", "test", "experiment", "result", "achiev", "accuracy", "performance",
    "performed", "carried out",
    "sota", "state-of-the-art", "state of the art", "improv", "show", "demonstrat", "validat", "compar", "gain",
    "rerun", "re-run", "reduc", "verif", "claims", "lower", "rais", "boost", "halv", "increas", "decreas",
    "analys",
)  # fmt: skip
_COMPARE_WORDS = (
    "outperform", "surpass", "exceed", "match", "rival", "ahead of", "dominat", "approaching", "close to", "within", "superior", "compar", "than", "versus", "vs",
    "trail", "lag", "short of", "the gap", "doubl", "tripl", "halv", "compet", "par with", "improves on", "improved on", "improving on",
    "improve on", "improves upon", "improved upon", "improving upon", "improve upon",
    "over", "beat", "relative to", "baseline", "against", "above", "below", "behind",
)  # fmt: skip
#: what is set aside right before a name: "rather than X", "instead of the X"
_INSTEAD_BEFORE = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_USE_WORDS = (
    "us", "based on", "built on", "leverag", "appl", "adopt", "adapt", "employ", "with", "via", "through",
    "trained on", "fine", "we", "distil", "initiali", "data", "from", "build", "built", "top of", "by",
    "extend", "variant", "rel", "utili", "incorporat", "deploy", "plug", "report", "integrat", "retrain", "re-train", "powered", "focus", "performance of",
    "accuracy of", "robustness of", "stud", "analy", "examin", "investigat", "explor", "probe",
    "follow", "combin", "paired", "generated", "produced", "annotated", "labeled", "labelled", "synthesi",
    "written", "translated",
)  # fmt: skip


#: a comparison going on after "on" ("a speedup on GPUs over Stan and 37x over "): here a bare
#: "over" counts, the gain it follows being written before "on"
_COMPARE_KEYWORD = re.compile(rf"\b(?:{_COMPARE_TERMS}|baselines?|over)\b", re.I)


#: a bare "over" near the end, which compares when a word of gain stands before it
_BARE_OVER = re.compile(r"\bover(?![\w\-])(?!\s+\d)[^.;]{0,60}$", re.I)
_GAIN_OVER = re.compile(_OVER, re.I)


def _compared_after(clause: str, start: int) -> bool:
    """Whether ``clause`` compares after ``start``, where what it was evaluated on ends:
    "a speedup on X, exceeding Y", "a reduction in inference time over Y" (the gain may
    stand before ``start``).

    >>> _compared_after("a 4x reduction in time over ", 14), _compared_after("a prior in time over ", 8)
    (True, False)
    """
    rest = clause[start:]
    return _COMPARE.search(rest) is not None or (
        _BARE_OVER.search(rest) is not None and _GAIN_OVER.search(clause) is not None
    )


def _measured_on(comparison: str) -> bool:
    """Whether a comparison ends on what it was measured on: "outperforms A and B on C, D and ".

    >>> _measured_on("outperforms A and B on C, D and "), _measured_on("outperforms A on C and beats ")
    (True, False)
    """
    on = max(comparison.rfind(" on "), comparison.rfind(" across "))
    return (
        on > 0
        and not comparison[:on].endswith(
            (
                "based",
                "built",
                "trained",
                "relies",
                "rely",
                "depend",
                "depends",
                "improve",
                "improves",
                "improved",
                "improving",
            )
        )
        and _COMPARE_KEYWORD.search(comparison, on) is None
    )


#: full stops that end no clause: decimal points ("a 3.2x speedup on X") and the dots of
#: "e.g.", "i.e.", "et al." and "cf."
_NOT_A_STOP = re.compile(
    r"(?<=\d)\.(?=\d)|(?<=\be)\.(?=g\.)|(?<=\be\.g)\.|(?<=\bi)\.(?=e\.)|(?<=\bi\.e)\.|(?<=\bet al)\.|(?<=\bcf)\."
    r"|(?<=\bvs)\.(?=\s*[\d(])"  # "(90.2% vs. 91.1%)": two scores side by side
)


def _clause(before: str) -> tuple[str, str]:
    """The end of ``before`` that the relation patterns read (140 characters at most, cut
    after its last ``.`` or ``;``, which none of them can match across) and its lower case.
    Decimal points and the dots of "e.g." or "et al." become ``_`` first, so that they do
    not end the clause.

    For text that is not ASCII the window is not cut and the lower case is empty, so that
    :func:`_has` always answers yes (with ``re.I`` some other letters match ASCII ones).
    """
    window = before[-140:]
    last = window.rfind(".")
    if last >= 0 and _NOT_A_STOP.match(window, last):  # else the clause after it holds no dot
        window = _NOT_A_STOP.sub("_", window)
    if not window.isascii():
        return window, ""
    clause = window[max(window.rfind("."), window.rfind(";")) + 1 :]
    return clause, clause.lower()


def _has(lower: str, width: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in the last ``width`` characters of ``lower``."""
    if not lower:
        return True
    tail = lower[-width:]
    for word in words:  # noqa: SIM110 (a plain loop is about a third faster than any())
        if word in tail:
            return True
    return False


def relation_from_context(before: str, after: str, *, in_title: bool = False) -> str:
    """How the paper relates to a name, read from its sentence: one of the
    :class:`kg.records.Relation` values.

    Each pattern is searched only when a word it needs occurs in the part of the sentence it
    reads (a cheap test that never changes the answer).

    >>> relation_from_context("Results on ", " show gains.")
    'evaluates_on'
    >>> relation_from_context("It is faster than ", ".")
    'compares_with'
    >>> relation_from_context("On the validation split of ", ", it reaches 82.1 mIoU.")
    'evaluates_on'
    """
    if (
        before[-1:].isspace()
        and before.rstrip().endswith(("of", "in", "from", "the"))
        and (part := _PART_OF_BEFORE.search(before, max(0, len(before) - 80)))
    ):
        # "On the validation split of X": X stands where its part does
        return relation_from_context(before[: part.start()], after, in_title=in_title)
    clause, lower = _clause(before)
    if (
        (_has(lower, 140, _PROPOSE_WORDS) and _PROPOSE.search(clause))
        or _proposed_after(before, after)
        or (("we " in after[:60] or " our " in after[:60]) and _MADE_BY_US_AFTER.match(after) is not None)
        or (before.endswith(("our ", "Our ")) and _OWN_NAMED_AFTER.match(after) is not None)
        or (
            after.lstrip()[:1] in (",", "(")  # the appositive's comma, maybe past a bracket
            and (
                (
                    (apposed := _OUR_APPOSITIVE.search(after[:120]))
                    # after a preposition, only an appositive that ends its sentence: "... is
                    # followed by X, our new RL algorithm." (not "On X, our model, ...")
                    and (
                        not _PREPOSITION_BEFORE.search(before[-20:])
                        or _SENTENCE_END.match(after, apposed.end())
                    )
                    and not _opening_on(before, after)  # "On AgentDojo and X, our monitor ..."
                )
                or (_PROVIDE_BEFORE.search(before[-60:]) and appositive_kind(after) is not None)
                # "Presenting X, a probing toolkit, we ...", "..., yielding X, a toolkit for ..."
                or (_GIVING_BEFORE.search(before[-30:]) and appositive_kind(after) is not None)
                # "First, X, a dataset of ...; Second, Y, a metric ...": contributions one by one
                or (_ORDINAL_OPENING.match(before) is not None and appositive_kind(after) is not None)
                # "the resulting X, pre-trained on ...", "the resulting Noise Prior GAN (NPGAN)"
                or _RESULTING_BEFORE.search(before[-30:]) is not None
            )
        )
        # "we define the Accent Robustness Gap (ARG) metric", "we define the X score": a measure
        # the paper defines (found by the reference search in tests/test_cues.py, which had it
        # right: it was read only before a comma or a bracket)
        or (
            "define" in before[-40:].lower()
            and _DEFINE_BEFORE.search(before[-40:]) is not None
            # ... or a name the paper gives a short form: "We define untied MixUp (UMixUp)"
            and (
                _MEASURE_AFTER.match(after) is not None or _DEFINED_SHORT_FORM_AFTER.match(after) is not None
            )
        )
        or enumerated_contribution(before, after)
        or named_in_proposal(before)
        or introduced_alongside(before, after)
        or made_by_training(before, after)
    ):
        # "we propose X-style adapters": what is proposed only builds on X (also with a space or a
        # kind noun between: "an A3C algorithm based context preserving architecture")
        if (after.startswith("-") and _MODIFIER_AFTER.match(after)) or _SPACED_MODIFIER_AFTER.match(after):
            return "uses"
        # "We introduce LoRA adapters into the cross-attention blocks": X's parts put into a model
        if after.startswith(" ") and _PARTS_INSERTED_AFTER.match(after):
            return "uses"
        # "a recent method called K-FAC", "the so-called ReLU stability": a name given before;
        # "when augmented with our approach, X achieves": the comma closes a phrase of its own
        if called_before(before, after) or _OUR_IN_SUBORDINATE.search(before[-100:]):
            return "mentions"
        # "We present a quasi-synchronous grammar (Smith and Eisner, 2006)", "called T-orders
        # after Anttila and Andrus (2006)": a citation says someone else made it
        if after[:1] in (" ", "(") and _CITED_AFTER.match(after):
            return "mentions"
        # "we introduce Magistral, Mistral's first reasoning model": the maker, not the made
        if after.startswith(("'s ", "’s ")) and before.rstrip().endswith(","):
            return "mentions"
        return "proposes"
    # "Experiments training GPT-2 on X and ResNet-18 on Y": what a model is trained on is used
    if _trained_on(clause, lower):
        return "uses"
    # "results on three temporal relation datasets (A, B and C)", "we train on two corpora (A, B)"
    if (before.endswith("(") or before[-1:].isspace()) and (listed := data_kind_list(before)):
        return listed
    evaluated = (
        (
            _EVALUATE.search(clause)
            or (_has(lower, 140, _IMPROVE_WORDS) and _IMPROVED_ON.search(clause))
            or (_has(lower, 140, ("gain",)) and _GAINS_ON.search(clause))
            or (_has(lower, 140, ("cover", "span")) and _COVERED.search(clause))
        )
        if _has(lower, 140, _EVALUATE_WORDS)
        else None
    )
    if evaluated and _compared_after(clause, evaluated.end("on")):  # "a speedup on X, exceeding Y"
        return "compares_with"
    if (
        evaluated
        or _opening_on(before, after)
        or _value_on(before)
        or _achieved_on(before, after)
        or (_ends_with_word(before, ("on", "the")) and _BENCHMARKS_AFTER.match(after) is not None)
        or (
            any(
                word in before[-220:].lower()
                for word in ("evaluat", "benchmark", "assess", "test", "stud", "across")
            )
            and _EVALUATED_OBJECT.search(before[-220:]) is not None
        )
        or _measured_across_list(before)
        # "in other tasks (like physical commonsense reasoning and X)": the tasks the paper works on
        or (before[-1:].isspace() and "task" in before[-60:] and _TASKS_SUCH_AS.search(before[-200:]))
        # "In SimplerEnv evaluations of ...", "in MuJoCo experiments": results on it
        or (before.endswith(("In ", "in ")) and _EVALUATIONS_AFTER.match(after) is not None)
        or (before.endswith(("from ", "the ")) and _tasks_from(before))
        or (
            _ends_with_word(before, ("to", "the", "unseen", "new", "as", "like", "including"))
            and _TRANSFERS_TO.search(before[-90:])
        )
        or (
            (
                before.endswith("(")
                or (
                    before[-1:].isspace()
                    and before.rstrip()[-11:]
                    .lower()
                    .endswith(("including", "as", "like", "e.g.", "e.g.,", "benchmarks,", "benchmark,", "("))
                )
            )
            and _ON_BENCHMARKS_LIST.search(before[-90:])
        )
    ):
        return "evaluates_on"
    if "vs." in before[-80:].lower():  # "vs." followed by a letter is the one keyword that holds a stop
        if _COMPARE.search(before[-80:]):
            return "compares_with"
    # the whole clause (140 characters at most): a pattern's first word may stand far back
    # ("compared ... to X", "superior generalization on hard splits to X", "gains of
    # self-attention based models over X")
    elif (
        _has(lower, 140, _COMPARE_WORDS)
        and (compared := _COMPARE.search(clause))
        and not subject_after_comparison(before, after)
    ):
        return "evaluates_on" if _measured_on(compared.group(0)) else "compares_with"
    # "Unlike PPO, GRPO drops the critic", "In contrast to LoRA and DoRA, ...": what the paper's
    # thing is set against
    # (a list item, not the subject after it: in "Unlike PPO, GRPO drops ..." GRPO is compared with)
    if (
        after.startswith((",", " and ", " or ", " (", ", "))
        and _has(lower, 120, ("unlike", "contrast", "contrary", "opposed"))
        and _UNLIKE_BEFORE.search(before[-120:])
    ):
        return "compares_with"
    # "A and B were re-implemented": passive
    if (
        after[:1] in (" ", ",")
        and _has(after[:400].lower(), 400, _USED_AFTER_WORDS)
        and _USED_AFTER.match(after)
    ):
        return "uses"
    # "A and B are also outperformed", "B and C are included in the comparison": passive
    if (
        after[:1] in (" ", ",")
        and _has(after[:400].lower(), 400, _PASSIVE_COMPARE_WORDS)
        and _COMPARED_AFTER.match(after)
    ):
        return "compares_with"
    if before.rstrip()[-8:].lower().endswith(_LISTED_AS_ENDS) and (listed := _LISTED_AS.search(before[-60:])):
        return "uses" if listed.group(1) else "compares_with"  # "metrics include X", "baselines are X"
    if (
        _has(lower, 60, _USE_WORDS)
        and (_USE.search(clause[-60:]) or _ITEMS_FROM.search(clause[-60:]))
        and not _INSTEAD_BEFORE.search(before[-20:])  # "we rely on captions rather than X"
        and not _NEGATED_USE.search(clause[-60:])  # "it does not rely on X"
        and not _OTHERS_SUBJECT.match(clause)  # "Existing methods rely on X": others' use
    ):
        return "uses"
    # "we find that GPT-4 acts ...": what a finding of the paper is about is what it studied
    if "that" in before[-16:] and _FINDING_SUBJECT.search(before[-60:]):
        return "uses"
    # "with X as the judge", "Llama-3.1-70B as the reader": a part the paper's setup gives a role
    if after.startswith(" as ") and _AS_ROLE_AFTER.match(after):
        return "uses"
    # "Fine-tuning XLM-R and X on Y, we find ...": what the paper's own training takes
    if (
        len(before) < 80
        and _TRAINING_OPENING.match(before)
        and (", we " in after or (_TRAINING_OPENING.fullmatch(before) and _TRAINED_WITH_AFTER.match(after)))
    ):
        return "uses"
    return "mentions"


#: tasks the paper names by example right before a name, in a clause of its own ("we", "our";
#: not "Unlike"): "we show gains on tasks such as ", "our model handles tasks (like "
_TASKS_SUCH_AS = re.compile(
    r"\b(?:[Ww]e|[Oo]ur)\b(?:(?!\b[Uu]nlike\b)[^.;]){0,120}"
    r"\btasks?\s*\(?\s*(?:such\s+as|like|including|e\.g\.,?)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,2}$"
)


#: a name a model is trained on, with no result between the training and the name: "training
#: GPT-2 on X and ResNet-18 on Y" (not "trained on X, it reaches 80% on Y", nor "we train on X
#: and test on Y")
def trained_on(before: str) -> bool:
    """Whether ``before`` (a sentence up to a name) trains something on the name.

    >>> trained_on("We train routers on "), trained_on("Models trained on X reach 80% on ")
    (True, False)
    """
    clause, lower = _clause(before)
    return _trained_on(clause, lower)


def _trained_on(clause: str, lower: str) -> bool:
    return (
        _ends_with_word(clause, ("on", "the"))
        # (the whole clause: the pattern reaches a training word up to 90 characters before "on")
        and _has(lower, 140, _TRAIN_WORDS)
        and _TRAINED_ON.search(clause) is not None
    )


_TRAINED_ON = re.compile(
    # (not a method named by its training: "beats standard fine-tuning on X")
    r"(?<!standard )(?<!vanilla )(?<!naive )(?<!conventional )(?<!regular )(?<!plain )"
    # (nor "a trained probe on X", whose "trained" describes the probe)
    r"(?<!\ba )(?<!\ban )(?<!\bthe )"
    r"\b(?:train(?:s|ed|ing)?|pre-?train\w*|fine-?tun\w*|finetun\w*)\s"
    # not a noun's modifier: "adversarial training methods on X", "training error on X"
    r"(?!(?:methods?|approach\w*|baselines?|strateg\w+|techniques?|schemes?|algorithms?|time|error|"
    r"loss|accuracy|dynamics|budget)\b)"
    r"(?:(?!\d+(?:\.\d+)?\s*(?:%|points?\b|pp\b)|achiev|reach|obtain|scor|outperform|improv|evaluat|test|"
    r"result|gain|validat|demonstrat|show|compar|loses|lost|drops|degrad|hurts|reduc|lower)[^.;]){0,90}?"
    r"\bon\s+(?:the\s+)?$",
    re.I,
)
_TRAIN_WORDS = ("train", "fine-tun", "finetun")
#: the object of "evaluate": "we re-evaluate 29 BIG-Bench tasks" (a model or method evaluated so
#: is only used: see kg.nlp.assemble.relations_fit_for_kind)
_EVALUATED_OBJECT = re.compile(
    r"\b(?:(?:re-?)?evaluat(?:e|es|ed|ing)|benchmark(?:ed|ing)|(?<=we )benchmark)\s+"
    r"(?:(?:\d+|all|several|the|these|those)\s+)?$"
    # "we evaluate 18 models, including A, B and ", "we benchmark several LLMs (A, "
    r"|\b(?:(?:re-?)?evaluat(?:e|es|ed|ing)|benchmark(?:ed|ing)|(?<=we )benchmark|assess(?:es|ed|ing)?|"
    # "we test 12 models, including A, ", "a study of weight-only and KV cache quantization methods,
    # including A, ", "bias across 15 judge models, including A, "
    r"(?<=we )test|test(?:s|ed|ing)|stud(?:y|ies|ied|ying)(?:\s+of)?|across\s+(?:\d+|several|many|all|the))\s+"
    r"(?:[\w\-]+,?\s+){0,6}?"
    r"(?:models|LLMs|MLLMs|VLMs|LMMs|systems|agents|methods)"
    # (a phrase may stand before the list: "20 models with context windows of 128K tokens, including")
    r"(?:(?:\s+[^.;(),]{1,60}?)?,?\s+(?:including|such\s+as|like|e\.g\.,?)\s+|\s*\(\s*|:\s+)"
    r"(?:(?:[^.;()]|\.(?=\d)){0,150}?(?:,|\band\b|\bor\b)\s+)?$",
    re.I,
)


def data_kind_list(before: str) -> str | None:
    """The relation of a name listed right after the data sets it is one of, in brackets or
    after a colon: ``uses`` when the nearest cue word before the list is one of training,
    ``evaluates_on`` when it is one of measuring, else ``None``.

    >>> data_kind_list("Experimental results on three event temporal relation datasets (A, ")
    'evaluates_on'
    >>> data_kind_list("We fine-tune the tagger on two noisy corpora (")
    'uses'
    >>> data_kind_list("Our models match the state of the art across four benchmarks: the ")
    'evaluates_on'
    >>> data_kind_list("We train on X and report results on two datasets (")
    'evaluates_on'
    >>> data_kind_list("Many popular datasets (") is None, data_kind_list("on ImageNet (") is None
    (True, True)
    """
    window = before[-220:]
    if "(" not in window and ":" not in window:
        return None
    found = _DATA_KIND_LIST.search(window)
    if found is None:
        return None
    context = window[max(0, found.start() - 100) : found.end()]
    trained = [m.end() for m in _LIST_TRAINED.finditer(context)]
    measured = [m.end() for m in _LIST_MEASURED.finditer(context)]
    if not trained and not measured:
        return None
    return "uses" if max(trained, default=-1) > max(measured, default=-1) else "evaluates_on"


#: the kind of a list of data sets and its opening: "on three ... datasets (A, ", "across four
#: benchmarks: the A, B and ", "against learner corpora ("
_DATA_KIND_LIST = re.compile(
    r"\b(?:on|in|across|over|against)\s+(?:[\w\-]+\s+){0,6}?(?:datasets?|data\s+sets?|corpora|benchmarks?)"
    r"(?:\s*\(\s*(?:[^();]{0,120}?(?:,|\band\b|\bor\b)\s+)?"
    r"|:\s+(?:the\s+)?(?:[^.;:()]{0,120}?(?:,|\band\b|\bor\b)\s+(?:the\s+)?)?)$",
    re.I,
)
#: words of training before such a list ("train", "fine-tuned", "learned on")
_LIST_TRAINED = re.compile(
    r"\b(?:(?:pre-?|post-?)?train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing)|finetun(?:e|es|ed|ing)|"
    r"learn(?:s|ed|t)?\s+(?:on|from))\b",
    re.I,
)
#: words of measuring before such a list
_LIST_MEASURED = re.compile(
    r"\b(?:results?|experiment|evaluat|test|perform|accura|achiev|outperform|state[- ]of[- ]the[- ]art|"
    r"report|scor|improv|gains?\b|match)\w*",
    re.I,
)


def _measured_across_list(before: str) -> bool:
    """Whether ``before`` lists, after "including" or "such as", the tasks or benchmarks a result
    was measured across ("1.2 points across eight tasks, including ARC-Challenge and ").

    >>> _measured_across_list("a 1.2 point drop across eight tasks from the harness, including ")
    True
    >>> _measured_across_list("DNNs had great success on NLP tasks such as ")
    False
    >>> _measured_across_list("We train on datasets such as ")
    False
    """
    if not before.endswith((" ", ",")) or not _has(before.lower(), 160, _LIST_OPENING_WORDS):
        return False
    window = before[-160:]
    match = _MEASURED_ACROSS_LIST.search(window)
    return (
        match is not None
        # "train on datasets such as ...": what is trained on is used
        and "train" not in window[max(0, match.start() - 16) : match.end()].lower()
        # the paper's own result, not the field's ("DNNs had great success on tasks such as X")
        and _OWN_RESULT.search(before) is not None
    )


def _tasks_from(before: str) -> bool:
    """Whether ``before`` counts the tasks a result was measured on, drawn from what follows
    ("on 12 tasks from "); not those trained on ("trained on 40 tasks from ").

    >>> _tasks_from("behavior cloning on 12 tasks from "), _tasks_from("we train on 40 tasks from the ")
    (True, False)
    """
    match = _TASKS_FROM.search(before[-90:])
    return match is not None and "train" not in before[-90:][max(0, match.start() - 20) : match.end()].lower()


#: a count of tasks or environments drawn from a suite: "on 12 tasks from (the) "
_TASKS_FROM = re.compile(
    r"\b(?:on|across|in)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
    r"various|many|diverse)\s+(?:[\w\-]+\s+){0,2}(?:tasks|environments|games|problems|domains|"
    r"subsets|splits|competitions|challenges|datasets|suites)\s+(?:(?:drawn|taken|selected|sampled|adapted)\s+)?from\s+(?:the\s+)?$",
    re.I,
)
_LIST_OPENING_WORDS = ("including", "such as", " like ", "e.g.")
#: the paper speaking of its own work, or a result with a number
_OWN_RESULT = re.compile(
    r"\b(?:we|our|this (?:paper|work)|the proposed)\b|\d(?:\.\d+)?\s*(?:%|points?\b|x\b)", re.I
)
#: a measurement over a kind, then the list of its items: "across eight tasks ..., including A, B and "
_MEASURED_ACROSS_LIST = re.compile(
    r"\b(?:on|across|over)\s+(?:[\w\-]+\s+){0,4}(?:tasks|benchmarks|datasets)\b[^.;]{0,60}?"
    r"\b(?:including|such as|like|e\.g\.,?)\s+(?:[\w\-.]+(?:,\s*(?:and\s+)?|\s+and\s+))*$"
)
#: the list a name ends, headed by "benchmarks" (or "environments", "suites"), after "on" or
#: "the": "on the IHDP and Jobs benchmarks", "In the ALFRED and TEACh environments, ..."
_BENCHMARKS_AFTER = re.compile(
    r"(?:(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[\w\-.]+){0,4}\s+(?:benchmarks?|environments|suites)\b"
)
#: the benchmarks a result is given on, by example: "it leads in coding and math benchmarks,
#: including X" (not data sets, which a model may be trained on)
_ON_BENCHMARKS_LIST = re.compile(
    # (or the list right after the comma: "on the information seeking benchmarks, GAIA and X")
    # ("as evidenced by benchmarks such as MMLU")
    # ... or in brackets: "its scores on general benchmarks (MMLU, BBH, DROP)"
    r"\b(?:on|in|across|over|by)\s+(?:[\w\-]+\s+){0,4}?benchmarks?"
    r"(?:(?:,?\s+(?:including|such\s+as|like|e\.g\.,?)|,)\s+|\s*\(\s*)$",
    re.I,
)
#: what a result carries over to: "it transfers to GPQA", "generalizes well to unseen ImageNet-R"
_TRANSFERS_TO = re.compile(
    r"\b(?:transfer(?:s|red|ring)?|generali[sz](?:es|ed|ing|e)?)\s+(?:well\s+|directly\s+|zero-shot\s+)?"
    r"to\s+(?:the\s+)?(?:unseen\s+|new\s+)?"
    # "generalize well to standard benchmarks such as X"
    r"(?:(?:standard\s+|common\s+|popular\s+|several\s+|many\s+)?(?:benchmarks|datasets)\s+(?:such\s+as|like|including)\s+)?$",
    re.I,
)
#: what a name's results are called right after it: "In SimplerEnv evaluations", "in MuJoCo experiments"
_EVALUATIONS_AFTER = re.compile(r"\s+(?:evaluations?|experiments?|tests|trials)\b")
#: the data or recipe of a training named right after the trained model: " on Alpaca", " with DPO",
#: " into a one-step student", " to 4 bits"
_TRAINED_WITH_AFTER = re.compile(r"\s+(?:on|with|using|into|to)\s")
#: a sentence opening on the paper's own work on a model: "Fine-tuning X on Y", "Distilling X
#: into a one-step student", "Quantizing X to 4 bits"
_TRAINING_OPENING = re.compile(
    r"\s*(?:fine-?tuning|(?:pre-?)?training|distilling|quantizing|pruning|prompting|adapting)\s", re.I
)
#: the role a model or method is given in the paper's setup, right after its name: " as the
#: judge", " as reader" (not " as the baseline", which is compared with)
_AS_ROLE_AFTER = re.compile(
    r"\s+as\s+(?:the\s+|an?\s+|our\s+)?(?:[\w\-]+\s+){0,2}?(?:judge|reader|re-?ranker|retriever|backbone|"
    r"teacher|student|policy|base\s+model|reward\s+model|verifier|critic|encoder|decoder|evaluator|annotator|"
    r"generator|grader|planner|tokenizer|label(?:l)?er|oracle|simulator|solver|actor|embedder|"
    r"optimi[sz]er|initiali[sz]ation|draft\s+model|drafter)s?\b",
    re.I,
)
