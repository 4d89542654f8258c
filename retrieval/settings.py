"""Settings read from the environment and `.env`, validated once."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every value qabot reads from outside; see `.env.example` for what each does."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    chroma_path: Path = Field(Path(".qabot/chroma"), alias="QABOT_CHROMA_PATH")
    llm: str = Field("extractive", alias="QABOT_LLM")
    log_level: str = Field("WARNING", alias="QABOT_LOG_LEVEL")

    discord_token: SecretStr | None = Field(None, alias="DISCORD_TOKEN")
    discord_guild: int | None = Field(None, alias="QABOT_DISCORD_GUILD")
    discord_allowed_guilds: list[int] = Field(
        default_factory=list, alias="QABOT_DISCORD_ALLOWED_GUILDS"
    )
    discord_allowed_channels: list[int] = Field(
        default_factory=list, alias="QABOT_DISCORD_ALLOWED_CHANNELS"
    )
    discord_api_base: str = Field("https://discord.com/api/v10", alias="QABOT_DISCORD_API_BASE")
    discord_gateway: str = Field("wss://gateway.discord.gg", alias="QABOT_DISCORD_GATEWAY")
    discord_shards: Literal["off", "auto"] = Field("off", alias="QABOT_DISCORD_SHARDS")
    discord_cooldown_s: float = Field(3.0, alias="QABOT_DISCORD_COOLDOWN_S")
    discord_max_in_flight: int = Field(4, alias="QABOT_DISCORD_MAX_IN_FLIGHT")

    @field_validator("discord_allowed_guilds", "discord_allowed_channels", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Accept `1,2,3` as well as a JSON list, since people write both in `.env`."""
        if isinstance(value, str):
            return [int(part) for part in value.replace(" ", "").split(",") if part]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("discord_guild", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value


def load_settings() -> Settings:
    """Read the settings; a bad value becomes a `SettingsError` with a plain message."""
    from pydantic import ValidationError

    from retrieval.errors import SettingsError

    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        name = ".".join(str(part) for part in first["loc"])
        raise SettingsError(f"setting {name} is invalid: {first['msg']}") from None
