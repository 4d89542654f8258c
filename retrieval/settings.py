"""Settings read from the environment and `.env`, validated once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Every value qabot reads from outside; see `.env.example` for what each does."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    chroma_path: Path = Field(Path(".qabot/chroma"), alias="QABOT_CHROMA_PATH")
    # --- Chroma server: when a host is set, the index lives there instead of chroma_path.
    chroma_host: str | None = Field(None, alias="QABOT_CHROMA_HOST")
    chroma_port: int = Field(8000, alias="QABOT_CHROMA_PORT")
    chroma_ssl: bool = Field(False, alias="QABOT_CHROMA_SSL")
    # Extra HTTP headers, `Name=value` pairs separated by commas (e.g. an Authorization token).
    chroma_headers: SecretStr | None = Field(None, alias="QABOT_CHROMA_HEADERS")

    @property
    def index_location(self) -> str:
        """Where the index lives, as a user would name it."""
        if self.chroma_host:
            return f"the Chroma server at {self.chroma_host}:{self.chroma_port}"
        return str(self.chroma_path)

    # --- end Chroma server
    # The embedding model's ONNX export (see retrieval/index/onnx_encoder.py); unset is
    # ${XDG_CACHE_HOME:-~/.cache}/qabot/onnx.
    onnx_cache: Path | None = Field(None, alias="QABOT_ONNX_CACHE")
    llm: str = Field("extractive", alias="QABOT_LLM")
    # --- LLM: the model engines (docs/llm.md); keys are secrets, never printed.
    llm_timeout_s: float = Field(30.0, gt=0, alias="QABOT_LLM_TIMEOUT")
    llm_max_tokens: int = Field(256, gt=0, alias="QABOT_LLM_MAX_TOKENS")
    openai_base_url: str | None = Field(None, alias="OPENAI_BASE_URL")
    openai_api_key: SecretStr | None = Field(None, alias="OPENAI_API_KEY")
    anthropic_api_key: SecretStr | None = Field(None, alias="ANTHROPIC_API_KEY")
    anthropic_base_url: str | None = Field(None, alias="ANTHROPIC_BASE_URL")
    # The Ollama server for `ollama:`, as the `ollama` command takes it: `host:port` or a URL.
    ollama_host: str | None = Field(None, alias="OLLAMA_HOST")

    @property
    def uses_llm(self) -> bool:
        """Whether QABOT_LLM names a model rather than the extractive engine."""
        return self.llm.strip() != "extractive"

    # --- end LLM
    log_level: str = Field("WARNING", alias="QABOT_LOG_LEVEL")

    discord_token: SecretStr | None = Field(None, alias="DISCORD_TOKEN")
    discord_guild: int | None = Field(None, alias="QABOT_DISCORD_GUILD")
    # NoDecode: the ids arrive as "1,2,3" (or empty), which `_split_ids` reads, not as JSON.
    discord_allowed_guilds: Annotated[list[int], NoDecode] = Field(
        default_factory=list, alias="QABOT_DISCORD_ALLOWED_GUILDS"
    )
    discord_allowed_channels: Annotated[list[int], NoDecode] = Field(
        default_factory=list, alias="QABOT_DISCORD_ALLOWED_CHANNELS"
    )
    discord_api_base: str = Field("https://discord.com/api/v10", alias="QABOT_DISCORD_API_BASE")
    discord_gateway: str = Field("wss://gateway.discord.gg", alias="QABOT_DISCORD_GATEWAY")
    discord_shards: Literal["off", "auto"] = Field("off", alias="QABOT_DISCORD_SHARDS")
    discord_cooldown_s: float = Field(3.0, alias="QABOT_DISCORD_COOLDOWN_S")
    discord_max_in_flight: int = Field(2, alias="QABOT_DISCORD_MAX_IN_FLIGHT")

    @field_validator("discord_allowed_guilds", "discord_allowed_channels", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept `1,2,3` as well as a JSON list, since people write both in `.env`."""
        if isinstance(value, str):
            return [int(part) for part in value.replace(" ", "").split(",") if part]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("discord_guild", "onnx_cache", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value


def parse_headers(raw: SecretStr | None) -> dict[str, str]:
    """`Name=value,Other=value` into a dict; the values may be secrets, so never log them."""
    if raw is None:
        return {}
    headers = {}
    for pair in raw.get_secret_value().split(","):
        name, sep, value = pair.partition("=")
        if sep and name.strip():
            headers[name.strip()] = value.strip()
    return headers


def load_settings() -> Settings:
    """Read the settings; a bad value becomes a `SettingsError` with a plain message."""
    from pydantic import ValidationError
    from pydantic_settings.exceptions import SettingsError as SourceError

    from retrieval.errors import SettingsError

    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"])
        raise SettingsError(f"setting {name} is invalid: {first['msg']}") from None
    except SourceError as error:  # a value that could not even be parsed
        raise SettingsError(str(error)) from None
