/** Stored models and their files (tables models, model_files). */
package io.lotabots.model.entity;
