"""xxgk — 政府信息公开工作即代码 (government information disclosure as code)."""

__version__ = "0.1.0"
