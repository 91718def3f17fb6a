ARG base
FROM ${base}
RUN echo "run image" > /etc/stack-run
